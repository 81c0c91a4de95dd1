// `okoctl activities` on a store okod made from the demo config and ran into July 2026:
// the list shows Maastricht's 2026 overview per workgroup with the lights its tasks
// give; a light set by hand with a remark shows in the list and in the event log; a
// missing remark, a bad status or an unknown activity is refused and changes nothing.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <sstream>

#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/year_plan/year_plan_loader.hpp"
#include "daemon/runtime.hpp"
#include "engine/engine.hpp"
#include "model/event_kind.hpp"
#include "support/output_lines.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"

namespace okod::test {
namespace {

namespace fs = std::filesystem;

const std::string kAt = "2026-07-01T09:00:00+02:00";

// The table row of one activity, as columns (separated by two spaces or more).
std::vector<std::string> row_of(const std::string& list, const std::string& activity) {
    for (const auto& line : lines_of(list)) {
        const auto cells = table_cells(line);
        if (cells.size() >= 2 && cells[1] == activity) return cells;
    }
    return {};
}

class OkoctlActivities : public ::testing::Test {
protected:
    // A store as okod leaves it after running the demo from March to July 2026, with
    // the preparation of this year's survey ticked off.
    void SetUp() override {
        copy_demo_config(dir_.path());
        auto loaded = load_config(dir_.path() / "okod.toml");
        ASSERT_TRUE(loaded.config) << loaded.errors[0].to_string();
        auto opened = open_runtime(std::move(*loaded.config), store_path());
        ASSERT_TRUE(opened.runtime) << opened.errors[0].to_string();
        auto& rt = *opened.runtime;
        VirtualClock clock(at_local(Date{date::year{2026} / 3 / 1}, TimeOfDay{9 * 60}));
        Engine engine(*rt.store, rt.definitions, rt.calendar, clock, rt.config.engine);
        for (const auto& m : rt.config.municipalities) engine.plan(m);
        while (engine.step()) {
        }
        clock.advance_to(*parse_instant(kAt));
        while (engine.step()) {
        }
        TaskFilter f;
        f.municipality = "GM0935";
        for (const auto& t : rt.store->tasks_matching(f))
            if (t.workflow == "oko-cycle" &&
                (t.spec_id == "survey-prepare" || t.spec_id == "ggd-agreement") && t.due &&
                local_date(*t.due).year() == date::year{2026}) {
                ASSERT_TRUE(engine.complete_task(t.id, "noor").ok);
            }
    }

    fs::path store_path() const { return dir_.path() / "state" / "okod.sqlite"; }

    RunResult okoctl(std::vector<std::string> args) {
        args.insert(args.begin(), "activities");
        args.insert(args.end(), {"--config", (dir_.path() / "okod.toml").string(), "--at", kAt});
        return run_binary("okoctl", args);
    }

    RunResult list() { return okoctl({"list", "--municipality", "GM0935", "--year", "2026"}); }

    std::int64_t last_event() { return SqliteStore::open(store_path())->last_event_seq(); }

    TempDir dir_;
};

TEST_F(OkoctlActivities, list_shows_the_2026_overview_per_workgroup_with_derived_lights) {
    const auto r = list();
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string& out = r.out;
    EXPECT_NE(out.find("Jaarplan 2026 Maastricht (GM0935), stand op 2026-07-01 09:00"),
              std::string::npos)
        << out;
    const auto monitor = out.find("\nMonitor (");
    const auto communicatie = out.find("\nCommunicatie & Voorlichting (");
    const auto beleid = out.find("\nBeleid, Handhaving & Veiligheid (");
    ASSERT_NE(monitor, std::string::npos) << out;
    ASSERT_NE(communicatie, std::string::npos) << out;
    ASSERT_NE(beleid, std::string::npos) << out;
    EXPECT_LT(monitor, communicatie);
    EXPECT_LT(communicatie, beleid);
    EXPECT_NE(
        out.find("  doel: Vier webinars en vier nieuwsbrieven voor ouders en partners per jaar"),
        std::string::npos)
        << out;

    // Its survey preparation was ticked off: groen, from the tasks.
    const auto prepared = row_of(out, "jeugdmonitor-voorbereiding");
    ASSERT_GE(prepared.size(), 5u) << out;
    EXPECT_EQ(prepared[0], "groen");
    EXPECT_EQ(prepared[3], "taken");
    // The survey itself runs in the autumn: oranje, with its deadline.
    const auto survey = row_of(out, "jeugdmonitor-afname");
    ASSERT_GE(survey.size(), 5u) << out;
    EXPECT_EQ(survey[0], "oranje");
    EXPECT_EQ(survey[4].rfind("loopt: 1 open, eerstvolgende deadline 2026-", 0), 0u) << survey[4];
    // Webinars are not linked to tasks: no status until someone sets one.
    const auto webinars = row_of(out, "webinars");
    ASSERT_GE(webinars.size(), 5u) << out;
    EXPECT_EQ(webinars[0], "rood");
    EXPECT_EQ(webinars[3], "-");
    EXPECT_EQ(webinars[4], "nog geen status");

    // The counts at the end agree with the JSON.
    const auto json = okoctl({"list", "--municipality", "GM0935", "--year", "2026", "--json"});
    ASSERT_EQ(json.exit_code, 0) << json.err;
    const auto lines = lines_of(json.out);
    ASSERT_FALSE(lines.empty());
    const auto counts = boost::json::parse(lines.back()).as_object();
    EXPECT_EQ(counts.at("kind").as_string(), "counts");
    EXPECT_EQ(counts.at("total").as_int64(), 12);
    EXPECT_NE(out.find(fmt::format("Totaal: {} groen, {} oranje, {} rood (12 activiteiten)",
                                   counts.at("groen").as_int64(), counts.at("oranje").as_int64(),
                                   counts.at("rood").as_int64())),
              std::string::npos)
        << out;
    int activities = 0;
    for (const auto& line : lines) {
        const auto j = boost::json::parse(line).as_object();
        if (j.at("kind").as_string() != "activity") continue;
        ++activities;
        if (j.at("id").as_string() == "jeugdmonitor-voorbereiding") {
            EXPECT_EQ(j.at("light").as_string(), "groen");
            EXPECT_EQ(j.at("source").as_string(), "derived");
        }
    }
    EXPECT_EQ(activities, 12);
}

TEST_F(OkoctlActivities, set_with_a_remark_changes_the_list_and_is_logged) {
    const auto before = last_event();
    const auto r = okoctl({"set", "webinars", "--municipality", "GM0935", "--year", "2026",
                           "--status", "oranje", "--remark", "twee van de vier webinars gegeven"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find(
                  "GM0935 2026 webinars: oranje (twee van de vier webinars gegeven), was rood (-)"),
              std::string::npos)
        << r.out;

    const auto l = list();
    const auto webinars = row_of(l.out, "webinars");
    ASSERT_GE(webinars.size(), 5u) << l.out;
    EXPECT_EQ(webinars[0], "oranje");
    EXPECT_EQ(webinars[3], "handmatig");
    EXPECT_EQ(webinars[4].rfind("twee van de vier webinars gegeven (", 0), 0u) << webinars[4];

    auto store = SqliteStore::open(store_path());
    const auto events = store->events_after(before, 100);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].kind, EventKind::activity_status_set);
    EXPECT_EQ(events[0].municipality, "GM0935");
    EXPECT_NE(events[0].note.find(
                  "jaarplan 2026, activiteit webinars: oranje: twee van de vier webinars gegeven"),
              std::string::npos)
        << events[0].note;

    // A hand-set light also wins over what the tasks say.
    ASSERT_EQ(
        okoctl({"set", "jeugdmonitor-voorbereiding", "--municipality", "GM0935", "--year", "2026",
                "--status", "oranje", "--remark", "toestemming van twee scholen ontbreekt nog"})
            .exit_code,
        0);
    const auto prepared = row_of(list().out, "jeugdmonitor-voorbereiding");
    ASSERT_GE(prepared.size(), 5u);
    EXPECT_EQ(prepared[0], "oranje");
    EXPECT_EQ(prepared[3], "handmatig");
}

TEST_F(OkoctlActivities, set_without_a_remark_or_with_a_bad_status_exits_2_and_changes_nothing) {
    const auto before = last_event();
    const auto no_remark = okoctl(
        {"set", "webinars", "--municipality", "GM0935", "--year", "2026", "--status", "groen"});
    EXPECT_EQ(no_remark.exit_code, 2) << no_remark.err;
    EXPECT_NE(no_remark.err.find("--remark"), std::string::npos) << no_remark.err;

    const auto blank = okoctl({"set", "webinars", "--municipality", "GM0935", "--year", "2026",
                               "--status", "groen", "--remark", "  "});
    EXPECT_EQ(blank.exit_code, 2) << blank.err;

    const auto bad = okoctl({"set", "webinars", "--municipality", "GM0935", "--year", "2026",
                             "--status", "geel", "--remark", "half"});
    EXPECT_EQ(bad.exit_code, 2) << bad.err;
    EXPECT_NE(bad.err.find("geel"), std::string::npos) << bad.err;

    EXPECT_EQ(last_event(), before);
    EXPECT_TRUE(
        SqliteStore::open(store_path())->activity_overrides_of_year("GM0935", 2026).empty());
}

TEST_F(OkoctlActivities, an_unknown_activity_exits_1_naming_the_known_ones_and_changes_nothing) {
    const auto before = last_event();
    const auto r = okoctl({"set", "webinar", "--municipality", "GM0935", "--year", "2026",
                           "--status", "groen", "--remark", "gedaan"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("the year plan GM0935 2026 has no activity 'webinar' (its activities: "
                         "jeugdmonitor-voorbereiding, jeugdmonitor-afname,"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("webinars, nieuwsbrief"), std::string::npos) << r.err;
    EXPECT_EQ(last_event(), before);
    EXPECT_TRUE(
        SqliteStore::open(store_path())->activity_overrides_of_year("GM0935", 2026).empty());
}

TEST_F(OkoctlActivities, a_year_without_a_plan_exits_1_and_says_which_plans_exist) {
    const auto r = okoctl({"list", "--municipality", "GM0935", "--year", "2030"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("no year plan for GM0935 in 2030 (plans for GM0935: 2025, 2026;"),
              std::string::npos)
        << r.err;
}

TEST_F(OkoctlActivities, draft_next_previews_then_stores_2027_which_list_and_export_then_see) {
    const auto before = last_event();
    const auto dry =
        okoctl({"draft-next", "--municipality", "GM0935", "--year", "2026", "--dry-run"});
    ASSERT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_NE(dry.out.find("Jaarplan 2027 van Maastricht (GM0935) uit het activiteitenoverzicht "
                           "2026 (proef: niets opgeslagen)"),
              std::string::npos)
        << dry.out;
    // Webinars have no status (rood): they come over, saying so.
    const auto webinars = row_of(dry.out, "webinars");
    ASSERT_GE(webinars.size(), 4u) << dry.out;
    EXPECT_EQ(webinars[0], "ja");
    EXPECT_EQ(webinars[3], "overgenomen uit 2026: rood – nog geen status");
    EXPECT_EQ(last_event(), before);
    EXPECT_EQ(okoctl({"list", "--municipality", "GM0935", "--year", "2027"}).exit_code, 1);

    const auto made = okoctl({"draft-next", "--municipality", "GM0935", "--year", "2026"});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    EXPECT_EQ(last_event(), before + 1);
    const auto listed = okoctl({"list", "--municipality", "GM0935", "--year", "2027"});
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    EXPECT_NE(listed.out.find("Jaarplan 2027 Maastricht (GM0935)"), std::string::npos)
        << listed.out;
    EXPECT_FALSE(row_of(listed.out, "webinars").empty()) << listed.out;

    const fs::path file = dir_.path() / "GM0935-2027.toml";
    const auto exported =
        okoctl({"export", "--municipality", "GM0935", "--year", "2027", "-o", file.string()});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    Municipality m;
    m.code = "GM0935";
    std::vector<LoadError> errors;
    const auto loaded = load_year_plan(file, {m}, errors);
    ASSERT_TRUE(loaded) << errors[0].to_string();
    EXPECT_EQ(loaded->plan.year, 2027);
    EXPECT_NE(loaded->plan.activity("webinars"), nullptr);

    // Drafted once: a second time is a conflict (exit 5) and writes nothing.
    const auto again = okoctl({"draft-next", "--municipality", "GM0935", "--year", "2026"});
    EXPECT_EQ(again.exit_code, 5) << again.err;
    EXPECT_NE(again.err.find("GM0935 has a year plan for 2027 already"), std::string::npos)
        << again.err;
    EXPECT_EQ(last_event(), before + 1);
}

}  // namespace
}  // namespace okod::test
