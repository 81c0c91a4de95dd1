#pragma once
// A small tmpfs mounted over a directory for the length of a test: a real filesystem
// that really fills up, for tests of okod on a full disk. Mounting needs root (CI runs
// as root); elsewhere ok() is false and why() says so, for GTEST_SKIP.
//
//     TmpfsMount disk(world.dir() / "state", 4 << 20);
//     if (!disk.ok()) GTEST_SKIP() << disk.why();
//     disk.fill();    // a ballast file takes every free block
//     disk.drain();   // and gives them back
#include <cstddef>
#include <filesystem>
#include <string>

namespace okod::test {

class TmpfsMount {
public:
    TmpfsMount(std::filesystem::path dir, std::size_t bytes);
    ~TmpfsMount();  // unmounts (lazily, so a process still in it cannot keep it busy)
    TmpfsMount(const TmpfsMount&) = delete;
    TmpfsMount& operator=(const TmpfsMount&) = delete;

    bool ok() const { return mounted_; }
    const std::string& why() const { return why_; }

    // Writes a ballast file until the filesystem refuses (ENOSPC); returns its size.
    std::size_t fill();
    void drain();  // removes the ballast

private:
    std::filesystem::path dir_;
    bool mounted_ = false;
    std::string why_;
};

}  // namespace okod::test
