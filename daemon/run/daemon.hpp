#pragma once
// `okod run`: the long-running service.
//
// One Boost.Asio io_context; the engine, the store and the outbox bookkeeping run on
// one strand. The scheduler keeps ONE timer armed to the earliest engine timer in the
// store's (due, id) index: with a million items pending and none due, the process
// sleeps. When it fires, everything due is processed in batches (one transaction per
// engine step), then it re-arms. The outbox has its own timer for retries; the
// blocking SMTP conversation runs on a worker thread and reports back to the strand.
//
// Signals: SIGTERM/SIGINT finish the message being sent, record it, and exit 0.
// SIGHUP reloads config and definitions; a bad file keeps the running ones and the log
// says why, with file and line.
#include <filesystem>
#include <memory>
#include <optional>

#include "time/instant.hpp"

namespace okod {

struct RunOptions {
    std::filesystem::path config;
    std::optional<Instant> clock_start;  // accelerated clock for demos and tests
    double clock_speed = 1.0;
};

class Daemon {
public:
    explicit Daemon(RunOptions options);
    ~Daemon();
    Daemon(const Daemon&) = delete;
    Daemon& operator=(const Daemon&) = delete;

    // Runs until SIGTERM or SIGINT. Returns the exit code: 0 after a clean stop, 1 when
    // the config or store cannot be opened.
    int run();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace okod
