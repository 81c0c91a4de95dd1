#include "daemon/run/store_identity.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace okod {

StoreIdentity StoreIdentity::of(const std::filesystem::path& store) {
    StoreIdentity id;
    id.path_ = store;
    struct stat st {};
    if (::stat(store.c_str(), &st) == 0) {
        id.device_ = st.st_dev;
        id.inode_ = st.st_ino;
        id.known_ = true;
    }
    return id;
}

std::optional<std::string> StoreIdentity::lost() const {
    if (!known_) return std::nullopt;
    struct stat st {};
    if (::stat(path_.c_str(), &st) != 0) {
        if (errno == ENOENT)
            return fmt::format(
                "the store {} was deleted while okod ran: okod stops rather than go on writing "
                "to a file nobody can see; put the store (or its backup) back and start okod",
                path_.string());
        return fmt::format("the store {} cannot be read any more: {}", path_.string(),
                           std::strerror(errno));
    }
    if (st.st_dev != device_ || st.st_ino != inode_)
        return fmt::format(
            "the store {} was replaced by another file while okod ran: okod stops, so that it is "
            "started again on the file now there (systemd does that by itself)",
            path_.string());
    return std::nullopt;
}

}  // namespace okod
