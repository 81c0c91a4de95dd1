#include "daemon/run/read_pool.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "adapters/sqlite/sqlite_store.hpp"
#include "daemon/runtime.hpp"

namespace okod {
namespace {

// Readers yield the CPU to the strand: on a machine with fewer cores than busy threads
// a report would otherwise take the core a due timer needs. Best effort (Linux: nice
// is per thread); a thread may always lower its own priority.
constexpr int kReaderNice = 10;

void lower_this_threads_priority_once() {
    thread_local bool lowered = false;
    if (lowered) return;
    lowered = true;
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    (void)::setpriority(PRIO_PROCESS, tid, kReaderNice);
}

}  // namespace

struct ReadPool::Snapshot {
    Config config;
    DefinitionRegistry definitions;
    Calendar calendar;
};

struct ReadPool::Reader {
    std::shared_ptr<const Snapshot> snapshot;  // what runtime's copies were taken from
    Runtime runtime;
};

ReadPool::ReadPool(int threads, std::filesystem::path store_path)
    : store_path_(std::move(store_path)), threads_(static_cast<std::size_t>(threads)) {}

ReadPool::~ReadPool() { stop(); }

boost::asio::any_io_executor ReadPool::executor() { return threads_.get_executor(); }

void ReadPool::publish(const Runtime& writer) {
    auto next = std::make_shared<const Snapshot>(
        Snapshot{writer.config, writer.definitions, writer.calendar});
    const std::lock_guard lock(mutex_);
    snapshot_ = std::move(next);
}

std::unique_ptr<ReadPool::Reader> ReadPool::check_out() {
    std::unique_ptr<Reader> reader;
    std::shared_ptr<const Snapshot> current;
    {
        const std::lock_guard lock(mutex_);
        current = snapshot_;
        if (!idle_.empty()) {
            reader = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    if (!reader) reader = std::make_unique<Reader>();
    if (!reader->runtime.store) reader->runtime.store = SqliteStore::open_reader(store_path_);
    if (reader->snapshot != current && current) {
        reader->runtime.config = current->config;
        reader->runtime.definitions = current->definitions;
        reader->runtime.calendar = current->calendar;
        reader->snapshot = std::move(current);
    }
    return reader;
}

void ReadPool::check_in(std::unique_ptr<Reader> reader) {
    const std::lock_guard lock(mutex_);
    if (!stopped_) idle_.push_back(std::move(reader));
}

HttpResponse ReadPool::serve(const std::function<HttpResponse(Runtime&)>& read) {
    lower_this_threads_priority_once();
    auto reader = check_out();
    struct Return {
        ReadPool& pool;
        std::unique_ptr<Reader>& reader;
        ~Return() { pool.check_in(std::move(reader)); }
    } back{*this, reader};
    return read(reader->runtime);
}

void ReadPool::stop() {
    threads_.join();
    std::vector<std::unique_ptr<Reader>> closing;
    {
        const std::lock_guard lock(mutex_);
        stopped_ = true;
        closing.swap(idle_);
    }
    closing.clear();  // closes the connections
}

}  // namespace okod
