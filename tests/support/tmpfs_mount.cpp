#include "support/tmpfs_mount.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace okod::test {

TmpfsMount::TmpfsMount(std::filesystem::path dir, std::size_t bytes) : dir_(std::move(dir)) {
    std::filesystem::create_directories(dir_);
    const std::string options = fmt::format("size={},mode=0755", bytes);
    if (::mount("tmpfs", dir_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) != 0) {
        why_ = fmt::format("cannot mount a tmpfs on {} ({}): the full-disk test needs root",
                           dir_.string(), std::strerror(errno));
        return;
    }
    mounted_ = true;
}

TmpfsMount::~TmpfsMount() {
    if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
}

std::size_t TmpfsMount::fill() {
    const auto ballast = dir_ / "ballast";
    const int fd = ::open(ballast.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) return 0;
    std::vector<char> block(4096, 'x');
    std::size_t written = 0;
    // Bounded: the filesystem is a few MiB; a write that makes no progress ends it.
    for (int i = 0; i < 1 << 20; ++i) {
        const ssize_t n = ::write(fd, block.data(), block.size());
        if (n <= 0) break;
        written += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return written;
}

void TmpfsMount::drain() {
    std::error_code ec;
    std::filesystem::remove(dir_ / "ballast", ec);
}

}  // namespace okod::test
