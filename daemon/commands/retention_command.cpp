#include "daemon/commands/retention_command.hpp"

#include <fmt/format.h>

#include <ostream>

#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "daemon/commands/existing_store.hpp"
#include "daemon/privacy/mail_retention.hpp"
#include "daemon/run/run_clock.hpp"
#include "time/amsterdam.hpp"

namespace okod {

int run_retention(const RetentionArgs& args, std::ostream& out, std::ostream& err) {
    std::optional<Instant> at;
    if (!args.at.empty()) {
        at = parse_instant(args.at);
        if (!at) {
            err << fmt::format(
                "okoctl retention: --at '{}' is not an ISO 8601 time (e.g. "
                "2026-03-02T09:00:00+01:00)\n",
                args.at);
            return 2;
        }
    }
    auto loaded = load_config(args.config);
    if (!loaded.config) {
        for (const auto& e : loaded.errors) err << e.to_string() << '\n';
        return 1;
    }
    auto store = open_existing_store(args.config, args.store, "retention", err);
    if (!store) return 1;
    // okod's "now": its accelerated demo clock when the store has one.
    Instant now =
        at ? *at
           : std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    if (!at) {
        try {
            if (auto demo = RunClock::resume(*store)) now = demo->now();
        } catch (const std::exception& e) {
            err << fmt::format("okoctl retention: {}; or pass --at to choose the moment\n",
                               e.what());
            return 1;
        }
    }
    const auto r = apply_mail_retention(*store, *loaded.config, now);
    out << fmt::format(
        "retention ([privacy] mail_retention_months = {}): addresses of {} e-mails sent before {} "
        "cleared, {} .eml files removed\n",
        loaded.config->privacy.mail_retention_months, r.addresses,
        format_date(local_date(r.cutoff)), r.files);
    return 0;
}

}  // namespace okod
