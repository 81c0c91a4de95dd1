#pragma once
// okod's read threads: a small pool on which the API's reads run, beside the strand that
// runs the engine and every write, so a yearly report or a long history never makes a
// timer late (issue 18).
//
// Each reader is a Runtime of its own: a read-only connection to the store
// (SqliteStore::open_reader, opened when first used) and a copy of the configuration,
// definitions and calendar taken from the snapshot the strand last published. A reader
// is used by one thread at a time (checked out for one request); there are never more
// in use than threads. A reload publishes a new snapshot; each reader takes it up at its
// next request, while a request in progress finishes on the one it began with. The
// read threads run at a lower priority (nice 10) than the strand.
//
// Thread-safety: publish() and stop() on the strand (or the thread that owns the
// daemon); serve() on the pool's threads; executor() anywhere.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/thread_pool.hpp>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "daemon/http/http_server.hpp"

namespace okod {

struct Runtime;

class ReadPool {
public:
    ReadPool(int threads, std::filesystem::path store_path);
    // stop()s.
    ~ReadPool();
    ReadPool(const ReadPool&) = delete;
    ReadPool& operator=(const ReadPool&) = delete;

    boost::asio::any_io_executor executor();
    // Copies `writer`'s configuration, definitions and calendar for the readers (at start
    // and after each reload); its store is not touched.
    void publish(const Runtime& writer);
    // Runs `read` with a reader checked out for this thread.
    HttpResponse serve(const std::function<HttpResponse(Runtime&)>& read);
    // Lets the reads in progress finish, joins the threads and closes every reader's
    // connection: before the writer closes the store (its WAL is removed only by the
    // last connection to close).
    void stop();

private:
    struct Snapshot;
    struct Reader;
    std::unique_ptr<Reader> check_out();
    void check_in(std::unique_ptr<Reader> reader);

    const std::filesystem::path store_path_;
    boost::asio::thread_pool threads_;
    std::mutex mutex_;  // guards snapshot_ and idle_
    std::shared_ptr<const Snapshot> snapshot_;
    std::vector<std::unique_ptr<Reader>> idle_;
    bool stopped_ = false;
};

}  // namespace okod
