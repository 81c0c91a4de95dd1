#include "daemon/commands/outbox_command.hpp"

#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "daemon/api/api_json.hpp"
#include "time/amsterdam.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include <ostream>

namespace okod {
namespace {

std::string when(const OutboxItem& o) {
    if (o.status == OutboxStatus::sent && o.sent_at) return "sent " + format_local_minutes(*o.sent_at);
    if (o.status == OutboxStatus::pending)
        return o.next_attempt_at ? "next " + format_local_minutes(*o.next_attempt_at) : "next: now";
    return "gave up";
}

std::string shorten(std::string s, std::size_t max) {
    if (s.size() > max) s = s.substr(0, max - 3) + "...";
    return s;
}

}  // namespace

int run_outbox(const OutboxArgs& args, std::ostream& out, std::ostream& err) {
    std::optional<OutboxStatus> status;
    if (args.status != "all") {
        status = parse_outbox_status(args.status);
        if (!status) {
            err << fmt::format("okoctl outbox: --status must be pending, sent, dead or all, not '{}'\n",
                               args.status);
            return 2;
        }
    }
    std::filesystem::path store_path = args.store;
    if (store_path.empty()) {
        auto loaded = load_config(args.config);
        if (!loaded.config) {
            for (const auto& e : loaded.errors) err << e.to_string() << '\n';
            return 1;
        }
        store_path = loaded.config->store_path;
    }
    std::error_code ec;
    if (!std::filesystem::exists(store_path, ec)) {
        err << fmt::format("okoctl outbox: no store at {} (has okod run yet?)\n", store_path.string());
        return 1;
    }
    auto store = SqliteStore::open(store_path);
    const auto items = store->outbox(status, args.limit);
    if (args.json) {
        for (const auto& o : items) out << boost::json::serialize(to_json(o)) << '\n';
        return 0;
    }
    out << fmt::format("{:>6}  {:<7}  {:>8}  {:<22}  {:<10}  {:<6}  {:<32}  {}\n", "id", "status",
                       "attempts", "when", "kind", "gm", "to", "last error");
    for (const auto& o : items)
        out << fmt::format("{:>6}  {:<7}  {:>8}  {:<22}  {:<10}  {:<6}  {:<32}  {}\n", o.id,
                           to_string(o.status), o.attempts, when(o), o.kind, o.municipality,
                           shorten(o.recipient, 32), shorten(o.last_error, 80));
    const auto counts = store->outbox_counts();
    auto count = [&](OutboxStatus s) { return counts.count(s) ? counts.at(s) : 0; };
    out << fmt::format("{} pending, {} sent, {} dead\n", count(OutboxStatus::pending),
                       count(OutboxStatus::sent), count(OutboxStatus::dead));
    return 0;
}

}  // namespace okod
