#include "daemon/commands/activities_command.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <boost/json.hpp>
#include <ostream>
#include <sstream>

#include "daemon/client/exit_codes.hpp"
#include "daemon/client/text_table.hpp"
#include "daemon/commands/store_session.hpp"
#include "engine/engine.hpp"
#include "model/activity_status.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

// What both subcommands work on: the session, the municipality and its plan.
struct PlanContext {
    StoreSession session;
    Municipality municipality;
    int year = 0;
    // Looked up each time rather than kept: the context moves, and the plans with it.
    const YearPlan& plan() const {
        return *find_plan(session.config.plans, municipality.code, year);
    }
};

struct OpenedPlan {
    std::optional<PlanContext> context;
    int exit_code = 0;
};

OpenedPlan open_plan(const StoreOptions& common, const std::string& code, int year_option,
                     const std::string& sub, std::ostream& err) {
    const std::string who = "okoctl activities " + sub;
    OpenedPlan result;
    auto opened = open_store_session(common, "activities " + sub, err);
    if (!opened.session) {
        result.exit_code = opened.exit_code;
        return result;
    }
    result.exit_code = 1;
    PlanContext c{std::move(*opened.session), {}, 0};
    auto m = require_municipality(c.session, code, "activities " + sub, err);
    if (!m) return result;
    c.municipality = std::move(*m);
    const int year = year_option != 0 ? year_option
                                      : static_cast<int>(local_date(c.session.clock->now()).year());
    const auto& plans = c.session.config.plans;
    c.year = year;
    if (!find_plan(plans, code, year)) {
        std::vector<std::string> years;
        for (const auto& p : plans)
            if (p.plan.municipality == code) years.push_back(std::to_string(p.plan.year));
        err << fmt::format(
            "{}: no year plan for {} in {} (plans for {}: {}; a plan is {}/{}-{}.toml)\n", who,
            code, year, code,
            years.empty() ? std::string("none") : fmt::format("{}", fmt::join(years, ", ")),
            c.session.config.plans_dir.string(), code, year);
        return result;
    }
    result.context = std::move(c);
    result.exit_code = 0;
    return result;
}

YearOverview overview_of(PlanContext& c) {
    TaskFilter f;
    f.municipality = c.municipality.code;
    return year_overview(
        c.plan(), c.session.store->tasks_matching(f),
        c.session.store->activity_overrides_of_year(c.municipality.code, c.plan().year),
        c.session.clock->now());
}

std::string_view source_word(StatusSource s) {
    switch (s) {
        case StatusSource::derived:
            return "taken";
        case StatusSource::manual:
            return "handmatig";
        case StatusSource::none:
            return "-";
    }
    return "-";
}

std::string remark_of(const ActivityStatus& st) {
    if (!st.manual) return st.remark;
    return fmt::format("{} ({}, {})", st.remark, st.manual->set_by,
                       format_date(local_date(st.manual->set_at)));
}

std::string counts_text(const LightCounts& n) {
    return fmt::format("{} groen, {} oranje, {} rood", n.groen, n.oranje, n.rood);
}

void print_overview(const PlanContext& c, const YearOverview& o, std::ostream& out) {
    const Language lang = c.session.config.language;
    out << fmt::format("Jaarplan {} {} ({}), stand op {}{}\n", o.year, c.municipality.name,
                       c.municipality.code, format_local_minutes(c.session.clock->now()),
                       c.session.clock_note.empty() ? "" : " (" + c.session.clock_note + ")");
    for (const auto& w : o.workgroups) {
        out << fmt::format("\n{} ({})\n", w.workgroup.name.in(lang), counts_text(w.counts));
        for (const auto& g : w.workgroup.goals) out << "  doel: " << g.in(lang) << '\n';
        if (w.activities.empty()) {
            out << "  (geen activiteiten)\n";
            continue;
        }
        std::vector<TextRow> rows{{"STATUS", "ACTIVITEIT", "TITEL", "BRON", "OPMERKING"}};
        for (const auto& a : w.activities)
            rows.push_back({std::string(to_string(a.status.light)), a.activity.id,
                            a.activity.title.in(lang), std::string(source_word(a.status.source)),
                            remark_of(a.status)});
        std::ostringstream table;
        print_table(rows, table);
        std::istringstream lines(table.str());
        for (std::string line; std::getline(lines, line);) out << "  " << line << '\n';
    }
    out << fmt::format("\nTotaal: {} ({} activiteiten)\n", counts_text(o.counts), o.counts.total());
}

boost::json::array texts(const std::vector<Text>& list, Language lang) {
    boost::json::array a;
    for (const auto& t : list) a.emplace_back(t.in(lang));
    return a;
}

void print_json(const PlanContext& c, const YearOverview& o, std::ostream& out) {
    const Language lang = c.session.config.language;
    for (const auto& w : o.workgroups) {
        boost::json::object j;
        j["kind"] = "workgroup";
        j["municipality"] = o.municipality;
        j["year"] = o.year;
        j["id"] = w.workgroup.id;
        j["name"] = w.workgroup.name.in(lang);
        j["goals"] = texts(w.workgroup.goals, lang);
        out << boost::json::serialize(j) << '\n';
        for (const auto& a : w.activities) {
            const ActivityStatus& st = a.status;
            boost::json::object ja;
            ja["kind"] = "activity";
            ja["municipality"] = o.municipality;
            ja["year"] = o.year;
            ja["workgroup"] = w.workgroup.id;
            ja["id"] = a.activity.id;
            ja["title"] = a.activity.title.in(lang);
            ja["light"] = std::string(to_string(st.light));
            ja["remark"] = st.remark;
            ja["source"] = std::string(to_string(st.source));
            ja["derived_light"] = std::string(to_string(st.derived_light));
            ja["derived_remark"] = st.derived_remark;
            ja["linked_tasks"] = st.linked_tasks;
            ja["done_tasks"] = st.done_tasks;
            ja["set_by"] =
                st.manual ? boost::json::value(st.manual->set_by) : boost::json::value(nullptr);
            ja["set_at"] = st.manual ? boost::json::value(format_iso_local(st.manual->set_at))
                                     : boost::json::value(nullptr);
            out << boost::json::serialize(ja) << '\n';
        }
    }
    boost::json::object jc;
    jc["kind"] = "counts";
    jc["municipality"] = o.municipality;
    jc["year"] = o.year;
    jc["groen"] = o.counts.groen;
    jc["oranje"] = o.counts.oranje;
    jc["rood"] = o.counts.rood;
    jc["total"] = o.counts.total();
    out << boost::json::serialize(jc) << '\n';
}

}  // namespace

int run_activities_list(const ActivitiesListArgs& args, std::ostream& out, std::ostream& err) {
    auto opened = open_plan(args.common, args.municipality, args.year, "list", err);
    if (!opened.context) return opened.exit_code;
    PlanContext& c = *opened.context;
    const YearOverview o = overview_of(c);
    if (args.json)
        print_json(c, o, out);
    else
        print_overview(c, o, out);
    return 0;
}

int run_activities_set(const ActivitiesSetArgs& args, std::ostream& out, std::ostream& err) {
    const auto light = parse_traffic_light(args.status);
    if (!light) {
        err << fmt::format(
            "okoctl activities set: --status must be groen, oranje or rood, not '{}'\n",
            args.status);
        return 2;
    }
    auto opened = open_plan(args.common, args.municipality, args.year, "set", err);
    if (!opened.context) return opened.exit_code;
    PlanContext& c = *opened.context;
    const Activity* activity = c.plan().activity(args.activity);
    if (!activity) {
        err << fmt::format(
            "okoctl activities set: the year plan {} {} has no activity '{}' (its "
            "activities: {})\n",
            c.municipality.code, c.plan().year, args.activity,
            fmt::join(c.plan().activity_ids(), ", "));
        return 1;
    }
    const YearOverview before = overview_of(c);
    Engine engine(*c.session.store, c.session.definitions, c.session.calendar, *c.session.clock,
                  c.session.config.engine);
    const auto r = engine.set_activity_status(c.municipality.code, c.plan().year, activity->id,
                                              *light, args.remark, command_user());
    if (!r.ok) {
        err << fmt::format("okoctl activities set: {}\n", r.error);
        return exit_code::for_refusal(r.refusal);
    }
    std::optional<ActivityStatus> was;
    for (const auto& w : before.workgroups)
        for (const auto& a : w.activities)
            if (a.activity.id == activity->id) was = a.status;
    if (!c.session.clock_note.empty())
        out << fmt::format("(now is {}, from {})\n", format_local_minutes(c.session.clock->now()),
                           c.session.clock_note);
    out << fmt::format(
        "{} {} {}: {} ({}), {}\n", c.municipality.code, c.plan().year, activity->id,
        to_string(*light), args.remark,
        was ? fmt::format("was {} ({})", to_string(was->light), source_word(was->source))
            : std::string("new"));
    return 0;
}

}  // namespace okod
