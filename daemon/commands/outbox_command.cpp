#include "daemon/commands/outbox_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdint>
#include <map>
#include <ostream>
#include <sstream>
#include <utility>

#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "daemon/api/api_json.hpp"
#include "daemon/client/api_client.hpp"
#include "daemon/client/json_fields.hpp"
#include "daemon/commands/existing_store.hpp"
#include "outbox/dead_letter.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

namespace json = boost::json;

// Both modes print from the JSON shape of an outbox item (to_json(OutboxItem)).
std::string when(const json::value& o) {
    const auto status = json_text(o, "status");
    if (status == "sent") return "sent " + json_local_minutes(o, "sent_at", "?");
    if (status == "pending") {
        const auto next = json_local_minutes(o, "next_attempt_at", "");
        return next.empty() ? "next: now" : "next " + next;
    }
    if (status == "obsolete") return "not needed";
    return "refused";
}

std::string shorten(std::string s, std::size_t max) {
    if (s.size() > max) s = s.substr(0, max - 3) + "...";
    return s;
}

// A dead letter back in the queue, on the store or through the API.
void print_requeued(const std::string& id, const std::string& recipient, const std::string& kind,
                    const std::string& refused, std::ostream& out) {
    out << fmt::format("mail {} to {} ({}) goes out again; it was refused: {}\n", id, recipient,
                       kind, refused);
}

void print_rows(const json::array& items, std::ostream& out) {
    out << fmt::format("{:>6}  {:<7}  {:>8}  {:<22}  {:<10}  {:<6}  {:<32}  {}\n", "id", "status",
                       "attempts", "when", "kind", "gm", "to", "last error");
    for (const auto& o : items)
        out << fmt::format("{:>6}  {:<7}  {:>8}  {:<22}  {:<10}  {:<6}  {:<32}  {}\n",
                           json_text(o, "id"), json_text(o, "status"), json_text(o, "attempts"),
                           when(o), json_text(o, "kind"), json_text(o, "municipality"),
                           shorten(json_text(o, "recipient"), 32),
                           shorten(json_text(o, "last_error"), 80));
}

// GET /api/v1/outbox page after page (at most 1000 rows a request) until `wanted` rows or
// the last page (`next_after` null). A failed request: its reply, for the exit code.
struct OutboxPages {
    json::array items;
    ApiReply failed;
};

OutboxPages outbox_pages(ApiClient& api, const std::string& municipality, const std::string& status,
                         std::int64_t wanted) {
    OutboxPages pages;
    std::string after;
    while (static_cast<std::int64_t>(pages.items.size()) < wanted) {
        const auto page_size =
            std::min<std::int64_t>(wanted - static_cast<std::int64_t>(pages.items.size()), 1000);
        auto reply = api.get("/api/v1/outbox", {{"municipality", municipality},
                                                {"status", status},
                                                {"after", after},
                                                {"limit", std::to_string(page_size)}});
        if (!reply.ok()) {
            pages.failed = std::move(reply);
            break;
        }
        for (const auto& o : json_array(reply.body, "outbox")) pages.items.push_back(o);
        const auto* next =
            reply.body.is_object() ? reply.body.as_object().if_contains("next_after") : nullptr;
        if (!next || next->is_null()) break;
        after = std::to_string(next->to_number<std::int64_t>());
    }
    return pages;
}

int run_outbox_api(const OutboxArgs& args, std::ostream& out, std::ostream& err) {
    if (!args.store.empty()) {
        err << "okoctl outbox: --store reads okod's store on its server; through okod's API "
               "(--url or OKOD_URL) okod reads its own: leave out --store\n";
        return exit_code::usage;
    }
    auto connected = connect(args.client, err);
    if (!connected.api) return connected.exit_code;
    const auto pages = outbox_pages(*connected.api, args.municipality, args.status, args.limit);
    if (!pages.failed.ok()) return pages.failed.exit_code;
    const auto& items = pages.items;
    if (args.json) {
        print_json_lines(items, out);
        return exit_code::ok;
    }
    print_rows(items, out);
    std::map<std::string, int> counts;
    for (const auto& o : items) ++counts[json_text(o, "status")];
    out << fmt::format("{} pending, {} sent, {} dead among the {} shown\n", counts["pending"],
                       counts["sent"], counts["dead"], items.size());
    return exit_code::ok;
}

// A running okod that cannot write its store holds its e-mail back and says why on
// /ready; the table alone would only show them pending. Nothing when okod has no API,
// answers ready, or does not answer.
void print_okod_problem(const Config& config, std::ostream& err) {
    if (!config.http.enabled) return;
    const auto host =
        config.http.address == "0.0.0.0" ? std::string("127.0.0.1") : config.http.address;
    std::ostringstream quiet;
    ApiClient api({fmt::format("http://{}:{}", host, config.http.port), "", "okod.toml"}, quiet);
    const auto reply = api.get("/ready");
    if (reply.status == 503 && reply.body.is_object())
        err << fmt::format("okoctl outbox: okod is not sending: {}\n",
                           json_text(reply.body, "problem"));
}

}  // namespace

int run_outbox(const OutboxArgs& args, std::ostream& out, std::ostream& err) {
    std::optional<OutboxStatus> status;
    if (args.status != "all") {
        status = parse_outbox_status(args.status);
        if (!status) {
            err << fmt::format(
                "okoctl outbox: --status must be pending, sent, dead, obsolete or all, not '{}'\n",
                args.status);
            return 2;
        }
    }
    if (api_mode(args.client)) return run_outbox_api(args, out, err);
    std::filesystem::path store_path = args.store;
    if (store_path.empty()) {
        auto loaded = load_config(args.config);
        if (!loaded.config) {
            for (const auto& e : loaded.errors) err << e.to_string() << '\n';
            return 1;
        }
        store_path = loaded.config->store_path;
        print_okod_problem(*loaded.config, err);
    }
    std::error_code ec;
    if (!std::filesystem::exists(store_path, ec)) {
        err << fmt::format("okoctl outbox: no store at {} (has okod run yet?)\n",
                           store_path.string());
        return 1;
    }
    auto store = SqliteStore::open(store_path);
    json::array items;
    if (args.municipality.empty()) {
        for (const auto& o : store->outbox_by_status(status, args.limit))
            items.push_back(to_json(o));
    } else {
        // One municipality's rows (an index), a page at a time until as many as asked.
        for (std::int64_t after = 0; std::cmp_less(items.size(), args.limit);) {
            const int page_size = std::min(args.limit - static_cast<int>(items.size()), 1000);
            const auto page =
                store->outbox_of_municipality(args.municipality, status, after, page_size);
            for (const auto& o : page) items.push_back(to_json(o));
            if (std::cmp_less(page.size(), page_size)) break;
            after = page.back().id;
        }
    }
    if (args.json) {
        print_json_lines(items, out);
        return 0;
    }
    print_rows(items, out);
    const auto counts = store->outbox_counts();
    auto count = [&](OutboxStatus s) { return counts.count(s) ? counts.at(s) : 0; };
    out << fmt::format("{} pending, {} sent, {} dead, {} obsolete\n", count(OutboxStatus::pending),
                       count(OutboxStatus::sent), count(OutboxStatus::dead),
                       count(OutboxStatus::obsolete));
    return 0;
}

namespace {

// Through okod's API: one POST a dead letter; --all-dead pages through the token's
// municipality's dead letters (each retried one leaves that status).
int run_outbox_retry_api(const OutboxRetryArgs& args, std::ostream& out, std::ostream& err) {
    if (!args.store.empty()) {
        err << "okoctl outbox retry: --store changes okod's store on its server; through okod's "
               "API leave it out\n";
        return exit_code::usage;
    }
    auto connected = connect(args.client, err);
    if (!connected.api) return connected.exit_code;
    std::vector<std::int64_t> ids = args.ids;
    if (args.all_dead) {
        const auto dead = outbox_pages(*connected.api, args.municipality, "dead", INT64_MAX);
        if (!dead.failed.ok()) return dead.failed.exit_code;
        for (const auto& o : dead.items) ids.push_back(o.at("id").to_number<std::int64_t>());
    }
    for (const auto id : ids) {
        const auto reply = connected.api->post(fmt::format("/api/v1/outbox/{}/retry", id), {});
        if (!reply.ok()) return reply.exit_code;
        print_requeued(std::to_string(id), json_text(reply.body, "recipient"),
                       json_text(reply.body, "kind"), json_text(reply.body, "last_error"), out);
    }
    out << fmt::format("{} e-mail{} back in the queue\n", ids.size(), ids.size() == 1 ? "" : "s");
    return exit_code::ok;
}

}  // namespace

int run_outbox_retry(const OutboxRetryArgs& args, std::ostream& out, std::ostream& err) {
    if (args.ids.empty() == !args.all_dead) {
        err << "okoctl outbox retry: give the ids of dead letters (okoctl outbox --status dead) or "
               "--all-dead\n";
        return 2;
    }
    if (api_mode(args.client)) return run_outbox_retry_api(args, out, err);
    auto store = open_existing_store(args.config, args.store, "outbox retry", err);
    if (!store) return 1;
    std::vector<OutboxItem> items;
    for (const auto id : args.ids) {
        auto item = store->outbox_item(id);
        const auto why = item ? not_retryable(*item) : std::optional<std::string>("no such e-mail");
        if (why) {
            err << fmt::format(
                "okoctl outbox retry: {} is not a dead letter ({}); nothing changed\n", id, *why);
            return 1;
        }
        items.push_back(std::move(*item));
    }
    auto tx = store->begin();
    auto requeue = [&](OutboxItem item) {
        const std::string refused = item.last_error;
        const auto person = store->person(item.person_id);
        item = requeued(std::move(item), person);
        store->update_outbox(item);
        print_requeued(std::to_string(item.id), item.recipient, std::string(to_string(item.kind)),
                       refused, out);
    };
    for (auto& item : items) requeue(std::move(item));
    int count = static_cast<int>(items.size());
    // Page through the dead letters: each page leaves the status, so the next read
    // starts where this one ended, whatever their number.
    for (bool more = args.all_dead; more;) {
        auto page = store->outbox_by_status(OutboxStatus::dead, 500);
        more = !page.empty();
        for (auto& item : page) requeue(std::move(item));
        count += static_cast<int>(page.size());
    }
    tx->commit();
    out << fmt::format("{} e-mail{} back in the queue; a running okod sends {} now\n", count,
                       count == 1 ? "" : "s", count == 1 ? "it" : "them");
    return 0;
}

}  // namespace okod
