#pragma once
// Notices when something else (okoctl) commits to the store while okod sleeps, so a
// hand-over started by `okoctl people leave` is acted on at once, not at the next
// scheduled wake-up. inotify on the store's directory says "a file changed"; the
// store's own change counter says whether that was someone else's commit.
// Idle costs nothing: no polling, the process only wakes when a file is written.
#include <boost/asio/any_io_executor.hpp>
#include <filesystem>
#include <functional>
#include <memory>

namespace okod {

class StoreWatch {
public:
    // Calls `on_write` (on `executor`) after files of `store_file` (the database, its
    // -wal and -journal) are written, deleted or replaced; several in a burst give one
    // call. `on_other` (if any) after anything else in the directory changed: a file
    // deleted there may be the space a full disk was waiting for.
    StoreWatch(boost::asio::any_io_executor executor, const std::filesystem::path& store_file,
               std::function<void()> on_write, std::function<void()> on_other = {});
    ~StoreWatch();
    StoreWatch(const StoreWatch&) = delete;
    StoreWatch& operator=(const StoreWatch&) = delete;

    // False when inotify is not available (the daemon then relies on its timers).
    bool active() const;
    // Stops watching, so the event loop can finish.
    void cancel();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace okod
