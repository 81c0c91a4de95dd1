#include "daemon/run/store_watch.hpp"

#include <spdlog/spdlog.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

namespace okod {

struct StoreWatch::Impl {
    Impl(boost::asio::any_io_executor executor, const std::filesystem::path& store_file,
         std::function<void()> write_callback, std::function<void()> other_callback)
        : stream(executor),
          prefix(store_file.filename().string()),
          on_write(std::move(write_callback)),
          on_other(std::move(other_callback)) {
        const int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (fd < 0) {
            spdlog::warn(
                "cannot watch the store for changes by okoctl ({}); they take effect at "
                "the next wake-up or reload",
                std::strerror(errno));
            return;
        }
        const auto dir =
            store_file.has_parent_path() ? store_file.parent_path() : std::filesystem::path(".");
        // Writes that end a commit (the WAL is appended, a rollback journal is closed or
        // moved), and the store file deleted or replaced (the daemon checks its identity).
        constexpr std::uint32_t mask =
            IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE;
        if (inotify_add_watch(fd, dir.c_str(), mask) < 0) {
            spdlog::warn("cannot watch {} for changes by okoctl ({})", dir.string(),
                         std::strerror(errno));
            ::close(fd);
            return;
        }
        stream.assign(fd);
        wait();
    }

    void wait() {
        stream.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                          [this](boost::system::error_code ec) {
                              if (ec) return;  // cancelled: okod is stopping
                              const Seen seen = drain();
                              if (seen.store) on_write();
                              if (seen.other && on_other) on_other();
                              wait();
                          });
    }

    struct Seen {
        bool store = false;  // an event about the store's files
        bool other = false;  // about anything else in the directory
    };

    // Reads every pending event.
    Seen drain() {
        Seen seen;
        alignas(inotify_event) std::array<char, 4096> buffer;
        for (;;) {
            const ssize_t n = ::read(stream.native_handle(), buffer.data(), buffer.size());
            if (n <= 0) return seen;  // EAGAIN: nothing more for now
            for (ssize_t at = 0; at < n;) {
                const auto* e = reinterpret_cast<const inotify_event*>(buffer.data() + at);
                // An overflowed queue lost events: one of them may have been ours.
                if ((e->mask & IN_Q_OVERFLOW) ||
                    (e->len > 0 && std::string(e->name).starts_with(prefix)))
                    seen.store = true;
                else
                    seen.other = true;
                at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
            }
        }
    }

    boost::asio::posix::stream_descriptor stream;
    std::string prefix;
    std::function<void()> on_write;
    std::function<void()> on_other;
};

StoreWatch::StoreWatch(boost::asio::any_io_executor executor,
                       const std::filesystem::path& store_file, std::function<void()> on_write,
                       std::function<void()> on_other)
    : impl_(std::make_unique<Impl>(std::move(executor), store_file, std::move(on_write),
                                   std::move(on_other))) {}

StoreWatch::~StoreWatch() = default;

bool StoreWatch::active() const { return impl_->stream.is_open(); }

void StoreWatch::cancel() {
    boost::system::error_code ignored;
    impl_->stream.close(ignored);
}

}  // namespace okod
