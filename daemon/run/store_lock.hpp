#pragma once
// One okod per store. Two okod processes on one store would both fire every timer and
// both send every e-mail; SQLite's own locks only keep their transactions apart. okod
// holds an exclusive POSIX record lock on "<store>.lock" for its whole life; a second
// okod cannot take it and exits, naming the holder. okoctl never takes it: it works on
// the store beside a running okod, one transaction at a time.
//
// The kernel drops the lock when the holder exits, however it exits (kill -9 included),
// so a stale lock file never keeps okod from starting.
//
//   std::string why;
//   auto lock = StoreLock::acquire(store_path, why);
//   if (!lock) { log(why); return 1; }
#include <filesystem>
#include <memory>
#include <string>

namespace okod {

class StoreLock {
public:
    // Takes the lock, creating the lock file (and its directory) when needed; nullptr
    // with `error` set when another process holds it or the file cannot be opened.
    static std::unique_ptr<StoreLock> acquire(const std::filesystem::path& store,
                                              std::string& error);
    ~StoreLock();
    StoreLock(const StoreLock&) = delete;
    StoreLock& operator=(const StoreLock&) = delete;

    static std::filesystem::path lock_file_of(const std::filesystem::path& store);

private:
    explicit StoreLock(int fd) : fd_(fd) {}
    int fd_;
};

}  // namespace okod
