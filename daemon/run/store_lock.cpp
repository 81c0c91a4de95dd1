#include "daemon/run/store_lock.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "time/amsterdam.hpp"

namespace okod {
namespace {

flock whole_file(short type) {
    flock l{};
    l.l_type = type;
    l.l_whence = SEEK_SET;
    l.l_start = 0;
    l.l_len = 0;  // to the end, however long
    return l;
}

// What the holder wrote into the file when it took the lock: "okod pid 1234 since ...".
std::string holder_note(int fd) {
    std::array<char, 256> buffer{};
    const ssize_t n = ::pread(fd, buffer.data(), buffer.size() - 1, 0);
    if (n <= 0) return {};
    std::string note(buffer.data(), static_cast<std::size_t>(n));
    while (!note.empty() && (note.back() == '\n' || note.back() == '\r')) note.pop_back();
    return note;
}

}  // namespace

std::filesystem::path StoreLock::lock_file_of(const std::filesystem::path& store) {
    auto lock = store;
    lock += ".lock";
    return lock;
}

std::unique_ptr<StoreLock> StoreLock::acquire(const std::filesystem::path& store,
                                              std::string& error) {
    const auto file = lock_file_of(store);
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
    if (fd < 0) {
        error =
            fmt::format("cannot open the lock file {}: {}", file.string(), std::strerror(errno));
        return nullptr;
    }
    flock want = whole_file(F_WRLCK);
    if (::fcntl(fd, F_SETLK, &want) != 0) {
        const int why = errno;
        flock held = whole_file(F_WRLCK);
        const bool known = (why == EAGAIN || why == EACCES) && ::fcntl(fd, F_GETLK, &held) == 0 &&
                           held.l_type != F_UNLCK;
        if (known) {
            const std::string note = holder_note(fd);
            error = fmt::format(
                "another okod (pid {}{}) already runs on the store {}: stop it first, or give "
                "this one a store of its own ([store] path in okod.toml). okoctl works beside it",
                held.l_pid, note.empty() ? "" : ", " + note, store.string());
        } else {
            error = fmt::format("cannot lock {}: {}", file.string(), std::strerror(why));
        }
        ::close(fd);
        return nullptr;
    }
    // For the message a second okod prints. A full disk may refuse it: the lock holds anyway.
    const std::string note = fmt::format(
        "started {}\n", format_iso_local(std::chrono::time_point_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now())));
    if (::ftruncate(fd, 0) == 0) (void)!::pwrite(fd, note.data(), note.size(), 0);
    return std::unique_ptr<StoreLock>(new StoreLock(fd));
}

StoreLock::~StoreLock() { ::close(fd_); }

}  // namespace okod
