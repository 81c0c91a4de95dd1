#include "daemon/commands/run_command.hpp"

#include <fmt/format.h>

#include <iostream>

#include "daemon/logging.hpp"
#include "daemon/run/daemon.hpp"
#include "time/amsterdam.hpp"

namespace okod {

int run_daemon(const RunArgs& args) {
    try {
        setup_logging(args.log_level);
    } catch (const std::exception& e) {
        std::cerr << "okod run: " << e.what() << '\n';
        return 2;
    }
    RunOptions options;
    options.config = args.config;
    if (!args.clock.empty()) {
        options.clock_start = parse_instant(args.clock);
        if (!options.clock_start) {
            std::cerr << fmt::format(
                "okod run: --clock '{}' is not a date or an ISO 8601 time "
                "(e.g. 2026-03-01T08:00:00+01:00)\n",
                args.clock);
            return 2;
        }
        options.clock_speed = args.clock_speed > 0 ? args.clock_speed : 1.0;
    } else if (args.clock_speed > 0) {
        std::cerr << "okod run: --clock-speed needs --clock (the moment the clock starts at)\n";
        return 2;
    }
    return Daemon(std::move(options)).run();
}

}  // namespace okod
