#include "daemon/commands/activities_command.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <boost/json.hpp>
#include <fstream>
#include <ostream>
#include <sstream>

#include "daemon/api/year_plan_json.hpp"
#include "daemon/client/exit_codes.hpp"
#include "daemon/client/text_table.hpp"
#include "daemon/commands/store_session.hpp"
#include "daemon/year_plan/year_plan_ops.hpp"
#include "engine/engine.hpp"
#include "model/activity_status.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

// What the subcommands work on: the session, the municipality and its plan (a file's or
// the store's: YearPlans decides).
struct PlanContext {
    StoreSession session;
    Municipality municipality;
    int year = 0;
    std::optional<FoundYearPlan> found;
    const YearPlan& plan() const { return found->plan(); }
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
    PlanContext c{std::move(*opened.session), {}, 0, std::nullopt};
    auto m = require_municipality(c.session, code, "activities " + sub, err);
    if (!m) return result;
    c.municipality = std::move(*m);
    const int year = year_option != 0 ? year_option
                                      : static_cast<int>(local_date(c.session.clock->now()).year());
    c.year = year;
    const YearPlans plans(c.session.config, *c.session.store);
    c.found = plans.find(code, year);
    if (!c.found) {
        err << fmt::format(
            "{}: {}\n", who,
            no_plan_message(code, year, plans.years(code),
                            fmt::format("a plan is {}/{}-{}.toml",
                                        c.session.config.plans_dir.string(), code, year)));
        return result;
    }
    result.context = std::move(c);
    result.exit_code = 0;
    return result;
}

YearOverview overview_of(PlanContext& c) {
    return overview_of_plan(*c.session.store, c.plan(), c.session.clock->now(), Language::nl);
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
            boost::json::object ja{
                {"kind", "activity"}, {"municipality", o.municipality}, {"year", o.year}};
            for (const auto& kv : to_json(a, lang)) ja[kv.key()] = kv.value();
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
    const YearOverview before = overview_of(c);
    Engine engine = engine_of(c.session);
    const auto r = set_activity_light(engine, c.plan(), args.activity, args.status, args.remark,
                                      command_user());
    if (!r.ok) {
        err << fmt::format("okoctl activities set: {}\n", r.error);
        return exit_code::for_refusal(r.refusal);
    }
    const Activity* activity = c.plan().activity(args.activity);
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

int run_activities_export(const ActivitiesExportArgs& args, std::ostream& out, std::ostream& err) {
    auto opened = open_plan(args.common, args.municipality, args.year, "export", err);
    if (!opened.context) return opened.exit_code;
    const std::string toml = year_plan_export(*opened.context->found);
    if (args.output.empty() || args.output == "-") {
        out << toml;
        return 0;
    }
    std::ofstream file(args.output, std::ios::binary | std::ios::trunc);
    file << toml;
    if (!file.flush()) {
        err << fmt::format("okoctl activities export: cannot write {}\n", args.output);
        return 1;
    }
    out << fmt::format("{} {}: {} ({} activities) written to {}\n", args.municipality,
                       opened.context->plan().year, opened.context->found->loaded.file,
                       opened.context->plan().activities.size(), args.output);
    return 0;
}

int run_activities_draft_next(const ActivitiesDraftArgs& args, std::ostream& out,
                              std::ostream& err) {
    auto opened = open_plan(args.common, args.municipality, args.year, "draft-next", err);
    if (!opened.context) return opened.exit_code;
    PlanContext& c = *opened.context;
    Engine engine = engine_of(c.session);
    const YearPlans plans(c.session.config, *c.session.store);
    const auto r =
        draft_next_year_plan(plans, *c.session.store, args.dry_run ? nullptr : &engine,
                             c.municipality.code, c.year, c.session.clock->now(), command_user());
    if (!r.ok) {
        err << fmt::format("okoctl activities draft-next: {}\n", r.error);
        return exit_code::for_refusal(r.refusal);
    }
    print_clock(c.session, out);
    out << fmt::format("Jaarplan {} van {} ({}) uit het activiteitenoverzicht {}{}\n", r.year,
                       c.municipality.name, c.municipality.code, c.year,
                       args.dry_run ? " (proef: niets opgeslagen)" : ", opgeslagen in okod");
    std::vector<TextRow> rows{{"MEE", "ACTIVITEIT", "STATUS", "OPMERKING"}};
    int carried = 0;
    for (const auto& d : r.draft.decisions) {
        carried += d.carried() ? 1 : 0;
        rows.push_back(
            {d.carried() ? "ja" : "nee", d.activity, std::string(to_string(d.light)), d.remark});
    }
    print_table(rows, out);
    out << fmt::format("{} van {} activiteiten gaan mee naar {}.", carried,
                       r.draft.decisions.size(), r.year);
    if (!args.dry_run)
        out << fmt::format(" Als bestand: okoctl activities export --municipality {} --year {}",
                           c.municipality.code, r.year);
    out << '\n';
    return 0;
}

}  // namespace okod
