// `okoctl people list`: who holds which role in a municipality on a day, which roles
// are vacant, and the capacity against the norm; or with --history every assignment.
// Reads the store only; with --url or $OKOD_URL it asks okod's API (people_api.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <ostream>
#include <set>

#include "daemon/client/text_table.hpp"
#include "daemon/commands/people_api.hpp"
#include "daemon/commands/people_command.hpp"
#include "daemon/commands/people_report.hpp"
#include "daemon/commands/store_session.hpp"
#include "model/capacity.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

// A line of the list: an assignment, or a role nobody holds on the day.
struct Row {
    std::string role;
    std::optional<RoleAssignment> assignment;  // empty: vacant
};

// Ordered as a reader looks for them: by the role's Dutch name, then by first day.
std::vector<Row> rows_for(const std::vector<RoleAssignment>& assignments,
                          const RoleCatalog& catalog, Date day, bool history) {
    std::vector<Row> rows;
    std::set<std::string> roles{std::string(kRegisseurRole)};
    for (const auto& a : assignments) {
        roles.insert(a.role);
        if (history || a.covers(day)) rows.push_back({a.role, a});
    }
    if (!history)
        for (const auto& role : roles)
            if (std::none_of(assignments.begin(), assignments.end(), [&](const RoleAssignment& a) {
                    return a.role == role && a.covers(day);
                }))
                rows.push_back({role, std::nullopt});
    std::stable_sort(rows.begin(), rows.end(), [&](const Row& x, const Row& y) {
        if (x.role != y.role) {
            const auto xn = catalog.name(x.role, Language::nl),
                       yn = catalog.name(y.role, Language::nl);
            return xn != yn ? xn < yn : x.role < y.role;
        }
        if (!x.assignment || !y.assignment) return x.assignment.has_value() && !y.assignment;
        if (x.assignment->from != y.assignment->from)
            return x.assignment->from < y.assignment->from;
        return x.assignment->person_id < y.assignment->person_id;
    });
    return rows;
}

// ---- text --------------------------------------------------------------------------

std::string capacity_line(const Capacity& c) {
    if (!c.recorded) return "capacity: no FTE recorded";
    return fmt::format("capacity: {} fte (norm {}), regisseur {} fte (norm {}){}",
                       format_fte(c.total), format_fte(c.norm.total_fte), format_fte(c.regisseur),
                       format_fte(c.norm.regisseur_fte), c.below_norm() ? " BELOW NORM" : "");
}

void print_text(const StoreSession& s, const Municipality& m, const std::vector<Row>& rows,
                const Capacity& c, Date day, bool history, std::ostream& out) {
    out << (history ? fmt::format("{} {}: who held which role when\n", m.code, m.name)
                    : fmt::format("{} {} on {}\n", m.code, m.name, format_date(day)));
    std::vector<TextRow> lines{
        {"role", "person", "name", "e-mail", "from", "until", "fte"}};
    for (const auto& r : rows) {
        const std::string role = s.definitions.roles().name(r.role, Language::nl);
        if (!r.assignment) {
            lines.push_back({role, "vacant"});
            continue;
        }
        const auto& a = *r.assignment;
        const auto p = s.store->person(a.person_id);
        lines.push_back({role, a.person_id, p ? p->name : "", p ? p->email : "",
                         format_date(a.from), a.until ? format_date(*a.until) : "-",
                         a.fte ? format_fte(*a.fte) : "-"});
    }
    print_table(lines, out);
    out << capacity_line(c) << '\n';
}

// ---- JSON: flat objects, FTE as plain decimals (0.4, not Boost.JSON's 4E-1) ----------

class JsonLine {
public:
    JsonLine& text(const std::string& key, const std::string& value) {
        return raw(key, boost::json::serialize(boost::json::value(value)));
    }
    JsonLine& number(const std::string& key, std::optional<double> value) {
        return raw(key, value ? fmt::format("{}", std::round(*value * 100) / 100) : "null");
    }
    JsonLine& flag(const std::string& key, bool value) {
        return raw(key, value ? "true" : "false");
    }
    JsonLine& date(const std::string& key, std::optional<Date> value) {
        return value ? text(key, format_date(*value)) : raw(key, "null");
    }
    std::string str() const { return "{" + body_ + "}"; }

private:
    JsonLine& raw(const std::string& key, const std::string& value) {
        if (!body_.empty()) body_ += ',';
        body_ += boost::json::serialize(boost::json::value(key)) + ':' + value;
        return *this;
    }
    std::string body_;
};

void print_json(const StoreSession& s, const Municipality& m, const std::vector<Row>& rows,
                const Capacity& c, Date day, std::ostream& out) {
    for (const auto& r : rows) {
        JsonLine line;
        line.text("kind", r.assignment ? "assignment" : "vacancy")
            .text("municipality", m.code)
            .text("role", r.role)
            .text("role_name", s.definitions.roles().name(r.role, Language::nl));
        if (r.assignment) {
            const auto& a = *r.assignment;
            const auto p = s.store->person(a.person_id);
            line.text("person", a.person_id)
                .text("name", p ? p->name : "")
                .text("email", p ? p->email : "")
                .text("language", std::string(to_string(p ? p->language : Language::nl)))
                .date("from", a.from)
                .date("until", a.until)
                .number("fte", a.fte)
                .flag("holds_on_day", a.covers(day));
        }
        line.date("on", day);
        out << line.str() << '\n';
    }
    JsonLine cap;
    cap.text("kind", "capacity")
        .text("municipality", m.code)
        .date("on", day)
        .number("total_fte", c.recorded ? std::optional<double>(c.total) : std::nullopt)
        .number("regisseur_fte", c.recorded ? std::optional<double>(c.regisseur) : std::nullopt)
        .number("norm_total_fte", c.norm.total_fte)
        .number("norm_regisseur_fte", c.norm.regisseur_fte)
        .flag("below_norm", c.below_norm());
    out << cap.str() << '\n';
}

}  // namespace

int run_people_list(const PeopleListArgs& args, std::ostream& out, std::ostream& err) {
    if (api_mode(args.common.client)) return run_people_list_api(args, out, err);
    std::optional<Date> on;
    if (!args.on.empty()) {
        on = parse_date(args.on);
        if (!on) {
            err << fmt::format("okoctl people list: --on '{}' is not a date (YYYY-MM-DD)\n",
                               args.on);
            return 2;
        }
    }
    auto opened = open_store_session(args.common, "people list", err);
    if (!opened.session) return opened.exit_code;
    StoreSession& s = *opened.session;
    const auto m = require_municipality(s, args.municipality, "people list", err);
    if (!m) return 1;

    const Date day = on ? *on : local_date(s.clock->now());
    const auto assignments = s.store->assignments(m->code);
    const auto rows = rows_for(assignments, s.definitions.roles(), day, args.history);
    const auto capacity = capacity_on(assignments, *m, day);
    if (args.json)
        print_json(s, *m, rows, capacity, day, out);
    else
        print_text(s, *m, rows, capacity, day, args.history, out);
    return 0;
}

}  // namespace okod
