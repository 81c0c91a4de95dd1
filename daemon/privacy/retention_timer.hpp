#pragma once
// Runs the mail retention (mail_retention.hpp) on okod's strand: at start and reload,
// then once a day on okod's clock (so the demo's accelerated clock prunes by its days).
// Owned by the daemon; destroying it cancels the wait. Not thread-safe: the strand's.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include "adapters/config/config.hpp"
#include "daemon/run/run_clock.hpp"
#include "model/store.hpp"

namespace okod {

class RetentionTimer {
public:
    RetentionTimer(boost::asio::any_io_executor strand, Store& store, const Config& config,
                   const RunClock& clock);
    void start();  // runs once as soon as the loop gets to it, then daily

private:
    void run();
    void arm();

    boost::asio::steady_timer timer_;
    Store& store_;
    const Config& config_;
    const RunClock& clock_;
    Instant next_{};
};

}  // namespace okod
