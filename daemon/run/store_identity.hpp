#pragma once
// The store file okod opened, by device and inode. SQLite keeps writing to the file it
// opened: if someone deletes the path or moves another file onto it, okod would go on
// writing to a file nobody can see (and lose it at exit) while okoctl writes to the new
// one. okod compares the path with what it opened whenever its directory changes, and
// stops with a clear error; systemd then starts it again, on the file now there.
#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>

namespace okod {

class StoreIdentity {
public:
    // The file at `store` now; an identity that never matches when it cannot be read.
    static StoreIdentity of(const std::filesystem::path& store);
    // Why the path no longer leads to the file okod opened, or nullopt when it does.
    std::optional<std::string> lost() const;

private:
    std::filesystem::path path_;
    dev_t device_ = 0;
    ino_t inode_ = 0;
    bool known_ = false;
};

}  // namespace okod
