#include "daemon/commands/people_list_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <map>
#include <ostream>
#include <tuple>

#include "daemon/client/json_fields.hpp"
#include "daemon/client/text_table.hpp"
#include "model/capacity.hpp"

namespace okod {
namespace {

namespace json = boost::json;

std::string fte_or_dash(const std::optional<double>& fte) { return fte ? format_fte(*fte) : "-"; }

void print_text(const PeopleListView& v, std::ostream& out) {
    const std::string who =
        v.municipality_name.empty() ? v.municipality : v.municipality + " " + v.municipality_name;
    out << (v.history ? fmt::format("{}: who held which role when\n", who)
                      : fmt::format("{} on {}\n", who, v.on));
    std::vector<TextRow> rows{{"role", "person", "name", "e-mail", "from", "until", "fte"}};
    for (const auto& l : v.lines) {
        if (l.vacant)
            rows.push_back({l.role_name, "vacant"});
        else
            rows.push_back({l.role_name, l.person, l.name, l.email, l.from, l.until.value_or("-"),
                            fte_or_dash(l.fte)});
    }
    print_table(rows, out);
    if (v.capacity) out << "capacity: " << capacity_text(*v.capacity) << '\n';
}

// ---- JSON: flat objects, FTE as plain decimals (0.4, not Boost.JSON's 4E-1) ----------

class JsonLine {
public:
    JsonLine& text(const std::string& key, const std::string& value) {
        return raw(key, json::serialize(json::value(value)));
    }
    JsonLine& number(const std::string& key, std::optional<double> value) {
        return raw(key, value ? fmt::format("{}", std::round(*value * 100) / 100) : "null");
    }
    JsonLine& flag(const std::string& key, bool value) {
        return raw(key, value ? "true" : "false");
    }
    JsonLine& text_or_null(const std::string& key, const std::optional<std::string>& value) {
        return value ? text(key, *value) : raw(key, "null");
    }
    std::string str() const { return "{" + body_ + "}"; }

private:
    JsonLine& raw(const std::string& key, const std::string& value) {
        if (!body_.empty()) body_ += ',';
        body_ += json::serialize(json::value(key)) + ':' + value;
        return *this;
    }
    std::string body_;
};

void print_json(const PeopleListView& v, std::ostream& out) {
    for (const auto& l : v.lines) {
        JsonLine line;
        line.text("kind", l.vacant ? "vacancy" : "assignment")
            .text("municipality", v.municipality)
            .text("role", l.role)
            .text("role_name", l.role_name);
        if (!l.vacant)
            line.text("person", l.person)
                .text("name", l.name)
                .text("email", l.email)
                .text("language", l.language)
                .text("from", l.from)
                .text_or_null("until", l.until)
                .number("fte", l.fte)
                .flag("holds_on_day", l.holds_on_day);
        line.text("on", v.on);
        out << line.str() << '\n';
    }
    const PeopleListCapacity c = v.capacity.value_or(PeopleListCapacity{});
    const auto recorded = [&](double x) { return c.recorded ? std::optional(x) : std::nullopt; };
    JsonLine cap;
    cap.text("kind", "capacity")
        .text("municipality", v.municipality)
        .text("on", v.on)
        .number("total_fte", recorded(c.total_fte))
        .number("regisseur_fte", recorded(c.regisseur_fte))
        .number("norm_total_fte", v.capacity ? std::optional(c.norm_total_fte) : std::nullopt)
        .number("norm_regisseur_fte",
                v.capacity ? std::optional(c.norm_regisseur_fte) : std::nullopt)
        .flag("below_norm", c.below_norm);
    out << cap.str() << '\n';
}

}  // namespace

std::string capacity_text(const PeopleListCapacity& c) {
    if (!c.recorded) return "no FTE recorded";
    return fmt::format("{} fte (norm {}), regisseur {} fte (norm {}){}", format_fte(c.total_fte),
                       format_fte(c.norm_total_fte), format_fte(c.regisseur_fte),
                       format_fte(c.norm_regisseur_fte), c.below_norm ? " BELOW NORM" : "");
}

std::optional<PeopleListCapacity> capacity_from_json(const json::value& c) {
    if (!c.is_object()) return std::nullopt;
    return PeopleListCapacity{
        .recorded = json_bool(c, "recorded"),
        .total_fte = json_decimal(c, "total_fte").value_or(0),
        .regisseur_fte = json_decimal(c, "regisseur_fte").value_or(0),
        .norm_total_fte = json_decimal(c, "norm_total_fte").value_or(0),
        .norm_regisseur_fte = json_decimal(c, "norm_regisseur_fte").value_or(0),
        .below_norm = json_bool(c, "below_norm")};
}

PeopleListView people_list_from_json(const json::value& body) {
    PeopleListView view;
    view.municipality = json_text(body, "municipality");
    view.on = json_text(body, "on");
    // okod names a role on its vacancies and (newer okod) on its assignments.
    std::map<std::string, std::string> role_names;
    for (const auto& v : json_array(body, "vacancies"))
        role_names[json_text(v, "role")] = json_text(v, "role_name");
    for (const auto& a : json_array(body, "assignments"))
        if (const auto name = json_text(a, "role_name"); !name.empty())
            role_names[json_text(a, "role")] = name;
    const auto role_name = [&](const std::string& role) {
        const auto it = role_names.find(role);
        return it != role_names.end() ? it->second : role;
    };
    for (const auto& a : json_array(body, "assignments")) {
        PeopleListLine l;
        l.role = json_text(a, "role");
        l.role_name = role_name(l.role);
        l.person = json_text(a, "person");
        const json::value* person = nullptr;
        if (const auto* o = a.if_object()) person = o->if_contains("person_detail");
        if (person) {
            l.name = json_text(*person, "name");
            l.email = json_text(*person, "email");
            if (const auto language = json_text(*person, "language"); !language.empty())
                l.language = language;
        }
        l.from = json_text(a, "from");
        if (const auto until = json_text(a, "until"); !until.empty()) l.until = until;
        l.fte = json_decimal(a, "fte");
        view.lines.push_back(std::move(l));  // okod sends the holders on the day only
    }
    for (const auto& v : json_array(body, "vacancies"))
        view.lines.push_back(
            PeopleListLine::vacancy(json_text(v, "role"), role_name(json_text(v, "role"))));
    if (const auto* o = body.if_object())
        if (const auto* c = o->if_contains("capacity")) view.capacity = capacity_from_json(*c);
    sort_people_list(view);
    return view;
}

void sort_people_list(PeopleListView& view) {
    std::stable_sort(view.lines.begin(), view.lines.end(),
                     [](const PeopleListLine& x, const PeopleListLine& y) {
                         return std::tie(x.role_name, x.role, x.vacant, x.from, x.person) <
                                std::tie(y.role_name, y.role, y.vacant, y.from, y.person);
                     });
}

void print_people_list(const PeopleListView& view, bool json, std::ostream& out) {
    if (json)
        print_json(view, out);
    else
        print_text(view, out);
}

}  // namespace okod
