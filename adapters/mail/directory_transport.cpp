#include "adapters/mail/directory_transport.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "adapters/mail/message_id.hpp"
#include "adapters/mail/mime_message.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;

std::string os_error(const std::string& doing, const fs::path& p) {
    return doing + " " + p.string() + ": " + std::strerror(errno);
}

// Writes all of `bytes` and flushes them to disk before the rename makes the file
// visible: the outbox marks the message sent as soon as we return.
std::string write_durably(const fs::path& p, const std::string& bytes) {
    const int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return os_error("cannot create", p);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            std::string e = os_error("cannot write", p);
            ::close(fd);
            return e;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        std::string e = os_error("cannot flush", p);
        ::close(fd);
        return e;
    }
    ::close(fd);
    return {};
}

void sync_directory(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;  // best effort: the file itself is already on disk
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

DirectoryTransport::DirectoryTransport(fs::path directory) : directory_(std::move(directory)) {}

fs::path DirectoryTransport::file_for(const MailMessage& message) const {
    // "2025-09-30T17:00:00+02:00" -> "20250930T170000"
    std::string stamp;
    for (char c : format_iso_local(message.date).substr(0, 19))
        if (c != '-' && c != ':') stamp += c;
    return directory_ / (stamp + "-" + short_hash(message.message_id) + ".eml");
}

SendResult DirectoryTransport::send(const MailMessage& message) {
    using Outcome = SendResult::Outcome;
    std::error_code ec;
    fs::create_directories(directory_, ec);
    if (ec) return {Outcome::retry, "cannot create " + directory_.string() + ": " + ec.message()};

    const fs::path target = file_for(message);
    // A dot file: mail readers watching the directory skip it until the rename.
    const fs::path temp = directory_ / ("." + target.filename().string() + ".tmp");
    if (std::string error = write_durably(temp, render_mime(message)); !error.empty()) {
        fs::remove(temp, ec);
        return {Outcome::retry, error};
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) {
        std::string error = os_error("cannot rename " + temp.string() + " to", target);
        fs::remove(temp, ec);
        return {Outcome::retry, error};
    }
    sync_directory(directory_);
    return {};
}

}  // namespace okod
