#pragma once
// `okoctl events`: okod's audit log for a municipality, through its API, a page at a
// time. The last line says where the page stopped: pass it as --after for the next.
// With --json, one event per line and last {"next_after": N}. Exit codes:
// daemon/client/exit_codes.hpp.
#include <cstdint>
#include <iosfwd>
#include <string>

#include "daemon/client/client_options.hpp"

namespace okod {

struct EventsArgs {
    ClientOptions client;
    std::string municipality;  // empty: the token's only one
    std::int64_t after = 0;    // events with a higher sequence number
    int limit = 0;             // 0: okod's default (100)
    bool json = false;
};

int run_events(const EventsArgs& args, std::ostream& out, std::ostream& err);

}  // namespace okod
