// `okoctl events` through okod's API.
#include "daemon/commands/events_command.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <ostream>

#include "daemon/client/json_fields.hpp"
#include "daemon/client/text_table.hpp"
#include "daemon/commands/events_table.hpp"

namespace okod {

int run_events(const EventsArgs& args, std::ostream& out, std::ostream& err) {
    auto connected = connect(args.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply = connected.api->get(
        "/api/v1/events", {{"municipality", args.municipality},
                           {"after", args.after > 0 ? std::to_string(args.after) : ""},
                           {"limit", args.limit > 0 ? std::to_string(args.limit) : ""}});
    if (!reply.ok()) return reply.exit_code;
    const auto& events = json_array(reply.body, "events");
    const auto next_after = json_int(reply.body, "next_after");
    if (args.json) {
        print_json_lines(events, out);
        print_json_line(boost::json::object{{"next_after", next_after}}, out);
        return exit_code::ok;
    }
    if (events.empty())
        out << fmt::format("no events after {}\n", args.after);
    else
        print_table(event_rows(events, true), out);
    out << fmt::format("next_after: {} (okoctl events --after {} for the next page)\n", next_after,
                       next_after);
    return exit_code::ok;
}

}  // namespace okod
