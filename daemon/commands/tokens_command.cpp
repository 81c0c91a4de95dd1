// `okoctl tokens create | list | revoke` on okod's store.
#include "daemon/commands/tokens_command.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <ostream>

#include "adapters/auth/token_secret.hpp"
#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "daemon/client/text_table.hpp"
#include "daemon/commands/existing_store.hpp"
#include "model/api_token.hpp"
#include "time/amsterdam.hpp"
#include "time/clock.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;

// The token as the arguments describe it, municipalities once each in the order given.
ApiToken token_of(const TokensCreateArgs& args) {
    ApiToken t;
    if (auto role = parse_api_role(args.role)) t.role = *role;
    for (const auto& code : args.municipalities)
        if (std::find(t.municipalities.begin(), t.municipalities.end(), code) ==
            t.municipalities.end())
            t.municipalities.push_back(code);
    t.person_id = args.person;
    t.label = args.label;
    return t;
}

std::unique_ptr<SqliteStore> open_store(const TokensCommon& common, const std::string& sub,
                                        std::ostream& err) {
    return open_existing_store(common.config, common.store, "tokens " + sub, err);
}

std::string municipalities_text(const ApiToken& t) {
    return t.role == ApiRole::admin ? "all" : fmt::format("{}", fmt::join(t.municipalities, ","));
}

// The last day a token works: the day before its expiry moment (local midnight).
std::string expires_text(const ApiToken& t) {
    if (!t.expires_at) return "-";
    return format_date(local_date(*t.expires_at - std::chrono::seconds{1}));
}

std::string describe(const ApiToken& t) {
    std::string text = fmt::format("token {} ({}", t.id, to_string(t.role));
    if (t.role != ApiRole::admin) text += " for " + municipalities_text(t);
    if (!t.person_id.empty()) text += ", person " + t.person_id;
    if (t.expires_at) text += ", last day " + expires_text(t);
    return text + ", '" + t.label + "')";
}

// Every listed municipality must be one okod knows: a token for a code okod does not
// run would silently see nothing.
bool municipalities_known(Store& store, const ApiToken& t, std::ostream& err) {
    std::vector<std::string> unknown;
    for (const auto& code : t.municipalities)
        if (!store.municipality(code)) unknown.push_back(code);
    if (unknown.empty()) return true;
    std::vector<std::string> known;
    for (const auto& m : store.all_municipalities()) known.push_back(m.code);
    err << fmt::format(
        "okoctl tokens create: okod knows no municipality {} (it knows: {})\n",
        fmt::join(unknown, ", "),
        known.empty() ? std::string("none") : fmt::format("{}", fmt::join(known, ", ")));
    return false;
}

bool person_known(Store& store, const ApiToken& t, std::ostream& err) {
    if (t.person_id.empty() || store.person(t.person_id)) return true;
    err << fmt::format(
        "okoctl tokens create: okod knows no person {} (okoctl people add, or the people in "
        "the config after okod reloads)\n",
        t.person_id);
    return false;
}

// A token whose person holds no role in its municipalities is refused by okod until
// they hold one (a person's tokens end with their last day); worth saying, not refusing
// here (the role may be assigned next).
void note_roleless_person(Store& store, const ApiToken& t, std::ostream& err) {
    if (t.person_id.empty() || t.role == ApiRole::admin) return;
    for (const auto& code : t.municipalities)
        for (const auto& a : store.assignments_of_municipality(code))
            if (a.person_id == t.person_id) return;
    err << fmt::format(
        "note: {} holds no role in {}: okod refuses the token (401) until they do (okoctl people "
        "assign)\n",
        t.person_id, municipalities_text(t));
}

std::string json_line(const ApiToken& t) {
    boost::json::object j;
    j["id"] = t.id;
    j["role"] = std::string(to_string(t.role));
    boost::json::array codes;
    for (const auto& code : t.municipalities) codes.emplace_back(code);
    j["municipalities"] = std::move(codes);
    j["person"] =
        t.person_id.empty() ? boost::json::value(nullptr) : boost::json::value(t.person_id);
    j["label"] = t.label;
    j["created_at"] = format_iso_local(t.created_at);
    j["revoked_at"] = t.revoked_at ? boost::json::value(format_iso_local(*t.revoked_at))
                                   : boost::json::value(nullptr);
    j["last_used_at"] = t.last_used_at ? boost::json::value(format_iso_local(*t.last_used_at))
                                       : boost::json::value(nullptr);
    j["expires_at"] = t.expires_at ? boost::json::value(format_iso_local(*t.expires_at))
                                   : boost::json::value(nullptr);
    j["active"] = t.active() && !t.expired(SystemClock().now());
    return boost::json::serialize(j);
}

void print_tokens(const std::vector<ApiToken>& tokens, std::ostream& out) {
    std::vector<TextRow> rows{{"ID", "ROLE", "MUNICIPALITIES", "PERSON", "LABEL", "CREATED",
                               "EXPIRES", "LAST USED", "REVOKED"}};
    for (const auto& t : tokens)
        rows.push_back({std::to_string(t.id), std::string(to_string(t.role)),
                        municipalities_text(t), t.person_id.empty() ? "-" : t.person_id, t.label,
                        format_local_minutes(t.created_at), expires_text(t),
                        t.last_used_at ? format_local_minutes(*t.last_used_at) : "-",
                        t.revoked_at ? format_local_minutes(*t.revoked_at) : "-"});
    print_table(rows, out);
}

}  // namespace

std::string tokens_create_problem(const TokensCreateArgs& args) {
    if (!parse_api_role(args.role))
        return "--role must be admin, regisseur, stakeholder or council, not '" + args.role + "'";
    const ApiToken t = token_of(args);
    if (t.role == ApiRole::admin && !t.municipalities.empty())
        return "an admin token covers every municipality: leave out --municipality";
    if (t.role != ApiRole::admin && t.municipalities.empty())
        return fmt::format("a {} token needs --municipality (one or more)", to_string(t.role));
    if (t.role == ApiRole::stakeholder && t.person_id.empty())
        return "a stakeholder token needs --person: whose tasks it shows";
    // Anything the model refuses beyond these (a blank label, say).
    if (auto problem = api_token_problem(t); !problem.empty()) return problem;
    return {};
}

int run_tokens_create(const TokensCreateArgs& args, std::ostream& out, std::ostream& err) {
    if (auto problem = tokens_create_problem(args); !problem.empty()) {
        err << "okoctl tokens create: " << problem << '\n';
        return 2;
    }
    ApiToken t = token_of(args);
    t.created_at = SystemClock().now();
    if (!args.expires.empty()) {
        const auto last_day = parse_date(args.expires);
        if (!last_day) {
            err << "okoctl tokens create: --expires '" << args.expires
                << "' is not a date (YYYY-MM-DD)\n";
            return 2;
        }
        t.expires_at = at_local(add_days(*last_day, 1), TimeOfDay{0});
        if (*t.expires_at <= t.created_at) {
            err << "okoctl tokens create: --expires " << args.expires
                << " has passed: a token's last day is today or later\n";
            return 2;
        }
    }
    auto store = open_store(args.common, "create", err);
    if (!store) return 1;
    if (!municipalities_known(*store, t, err) || !person_known(*store, t, err)) return 1;

    const std::string secret = new_token_secret();
    t.hash = hash_token(secret);
    t.id = store->add_token(t);

    out << secret << '\n';
    err << fmt::format(
        "created {}\nstore it now: okod keeps only its hash, so the secret above cannot be shown "
        "again (lost: okoctl tokens revoke {} and create another)\n",
        describe(t), t.id);
    note_roleless_person(*store, t, err);
    return 0;
}

int run_tokens_list(const TokensListArgs& args, std::ostream& out, std::ostream& err) {
    auto store = open_store(args.common, "list", err);
    if (!store) return 1;
    const auto tokens = store->all_tokens();
    if (args.json) {
        for (const auto& t : tokens) out << json_line(t) << '\n';
        return 0;
    }
    if (tokens.empty()) {
        out << "no tokens (okoctl tokens create --role ... --label ...)\n";
        return 0;
    }
    print_tokens(tokens, out);
    return 0;
}

int run_tokens_revoke(const TokensRevokeArgs& args, std::ostream& out, std::ostream& err) {
    auto store = open_store(args.common, "revoke", err);
    if (!store) return 1;
    const auto tokens = store->all_tokens();
    const auto it = std::find_if(tokens.begin(), tokens.end(),
                                 [&](const ApiToken& t) { return t.id == args.id; });
    if (it == tokens.end()) {
        std::vector<std::int64_t> ids;
        for (const auto& t : tokens) ids.push_back(t.id);
        err << fmt::format(
            "okoctl tokens revoke: no token with id {} (ids: {}; okoctl tokens list)\n", args.id,
            ids.empty() ? std::string("none") : fmt::format("{}", fmt::join(ids, ", ")));
        return 1;
    }
    if (it->revoked_at) {
        out << fmt::format("{} was revoked already on {}: nothing changed\n", describe(*it),
                           format_local_minutes(*it->revoked_at));
        return 0;
    }
    if (!store->revoke_token(it->id, SystemClock().now())) {
        err << fmt::format("okoctl tokens revoke: token {} is gone\n", it->id);
        return 1;
    }
    out << fmt::format("revoked {}: okod refuses it from now on\n", describe(*it));
    return 0;
}

}  // namespace okod
