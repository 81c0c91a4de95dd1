// `okoctl people` on a store okod made from the demo config: a new person gets a role
// and shows up in the list; a leave ends the role, starts the warm hand-over for it and
// leaves the role vacant; a successor moves the hand-over on and receives the role's
// work; every refusal is precise and changes nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <sstream>

#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "daemon/run/run_clock.hpp"
#include "daemon/runtime.hpp"
#include "engine/engine.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"

namespace okod::test {
namespace {

namespace fs = std::filesystem;

// Everything a refused command must leave as it was.
struct Snapshot {
    std::int64_t last_event = 0;
    std::int64_t timers = 0;
    std::size_t people = 0;
    std::size_t instances = 0;
    std::vector<std::string> assignments;  // "role person from..until fte"
    friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// A table line split into its columns (separated by two spaces or more).
std::vector<std::string> columns(const std::string& line) {
    std::vector<std::string> cells;
    std::size_t pos = 0;
    while (pos < line.size()) {
        const auto gap = line.find("  ", pos);
        cells.push_back(line.substr(pos, gap - pos));
        if (gap == std::string::npos) break;
        pos = line.find_first_not_of(' ', gap);
    }
    return cells;
}

// The rows of a list, as columns: role, person, name, e-mail, from, until, fte.
std::vector<std::vector<std::string>> rows_of(const std::string& list) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& line : lines_of(list)) rows.push_back(columns(line));
    return rows;
}

bool has_row(const std::string& list, const std::vector<std::string>& row) {
    const auto rows = rows_of(list);
    return std::find(rows.begin(), rows.end(), row) != rows.end();
}

// Is there a row for this role name with `person` (or "vacant") in the second column?
bool has_row(const std::string& list, const std::string& role_name, const std::string& person) {
    const auto rows = rows_of(list);
    return std::any_of(rows.begin(), rows.end(), [&](const std::vector<std::string>& r) {
        return r.size() >= 2 && r[0] == role_name && r[1] == person;
    });
}

class OkoctlPeople : public ::testing::Test {
protected:
    // The demo config tree, and a store as okod's first start leaves it: config synced,
    // every municipality's workflows planned.
    void SetUp() override {
        copy_demo_config(dir_.path());
        auto rt = runtime();
        ASSERT_TRUE(rt);
        VirtualClock clock(at_local(Date{date::year{2026} / 3 / 1}, TimeOfDay{9 * 60}));
        Engine engine(*rt->store, rt->definitions, rt->calendar, clock, rt->config.engine);
        for (const auto& m : rt->config.municipalities) engine.plan(m);
    }

    std::unique_ptr<Runtime> runtime() {
        auto loaded = load_config(config());
        EXPECT_TRUE(loaded.config) << (loaded.errors.empty() ? "" : loaded.errors[0].to_string());
        if (!loaded.config) return nullptr;
        auto opened = open_runtime(std::move(*loaded.config), store_path());
        EXPECT_TRUE(opened.runtime) << (opened.errors.empty() ? "" : opened.errors[0].to_string());
        return std::move(opened.runtime);
    }

    // okod's scheduler, played in process: every timer due up to `t`.
    void okod_runs_until(Instant t) {
        auto rt = runtime();
        ASSERT_TRUE(rt);
        VirtualClock clock(t);
        Engine engine(*rt->store, rt->definitions, rt->calendar, clock, rt->config.engine);
        while (engine.step()) {
        }
    }

    RunResult okoctl(std::vector<std::string> args) {
        args.insert(args.begin(), "people");
        args.insert(args.end(), {"--config", config().string()});
        return run_binary("okoctl", args);
    }

    std::optional<Instance> handover() {
        auto store = SqliteStore::open(store_path());
        for (auto& i : store->instances_of_municipality("GM0935"))
            if (i.definition_id == "warm-handover") return i;
        return std::nullopt;
    }

    Snapshot snapshot() {
        auto store = SqliteStore::open(store_path());
        Snapshot s;
        s.last_event = store->last_event_seq();
        s.timers = store->timer_count();
        s.people = store->all_people().size();
        s.instances = store->instances_of_municipality("GM0935").size();
        for (const auto& a : store->assignments_of_municipality("GM0935"))
            s.assignments.push_back(a.role + " " + a.person_id + " " + format_date(a.from) + ".." +
                                    (a.until ? format_date(*a.until) : "") + " " +
                                    (a.fte ? std::to_string(*a.fte) : ""));
        return s;
    }

    void add_noor() {
        const auto r = okoctl({"add", "maastricht-noor", "--name", "Noor Bakker", "--email",
                               "noor.bakker@ggdzl.example", "--at", kMarch2});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    void bram_leaves() {
        const auto r = okoctl({"leave", "maastricht-bram", "--municipality", "GM0935", "--role",
                               "ggd-contact", "--last-day", "2026-03-31", "--at", kMarch2});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        leave_output_ = r.out;
    }

    fs::path config() const { return dir_ / "okod.toml"; }
    fs::path store_path() const { return dir_ / "state/okod.sqlite"; }

    static constexpr const char* kMarch2 = "2026-03-02T09:00:00+01:00";
    TempDir dir_;
    std::string leave_output_;
};

TEST_F(OkoctlPeople, AddAndAssignShowTheNewHolderWithDatesAndFteInTheList) {
    add_noor();
    auto r =
        okoctl({"assign", "maastricht-noor", "--municipality", "GM0935", "--role", "school-contact",
                "--from", "2026-04-01", "--until", "2026-12-31", "--fte", "0,2", "--at", kMarch2});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(
        r.out.find(
            "assigned Contactpersoon scholen (school-contact) in GM0935 Maastricht to "
            "maastricht-noor (Noor Bakker), from 2026-04-01 to 2026-12-31 inclusive, 0,2 fte"),
        std::string::npos)
        << r.out;

    r = okoctl({"list", "--municipality", "GM0935", "--on", "2026-04-01", "--at", kMarch2});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("GM0935 Maastricht on 2026-04-01"), std::string::npos) << r.out;
    EXPECT_TRUE(has_row(r.out, {"Contactpersoon scholen", "maastricht-noor", "Noor Bakker",
                                "noor.bakker@ggdzl.example", "2026-04-01", "2026-12-31", "0,2"}))
        << r.out;
    EXPECT_TRUE(has_row(r.out, "Contactpersoon scholen", "maastricht-lotte")) << r.out;
    // 0.6 + 0.4 + 0.3 + 0.3 from the demo file, plus Noor's 0.2.
    EXPECT_NE(r.out.find("capacity: 1,8 fte (norm 1,5), regisseur 0,6 fte (norm 0,6)\n"),
              std::string::npos)
        << r.out;

    // Before her first day she is not in the list of that day.
    r = okoctl({"list", "--municipality", "GM0935", "--on", "2026-03-31", "--at", kMarch2});
    EXPECT_FALSE(has_row(r.out, "Contactpersoon scholen", "maastricht-noor")) << r.out;
}

TEST_F(OkoctlPeople, HistoryShowsWhoHeldTheRoleWhen) {
    add_noor();
    bram_leaves();
    auto r = okoctl({"assign", "maastricht-noor", "--municipality", "GM0935", "--role",
                     "ggd-contact", "--from", "2026-04-01", "--fte", "0.4", "--at", kMarch2});
    ASSERT_EQ(r.exit_code, 0) << r.err;

    r = okoctl({"list", "--municipality", "GM0935", "--history", "--at", kMarch2});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = rows_of(r.out);
    const std::vector<std::string> bram{"Contactpersoon GGD",
                                        "maastricht-bram",
                                        "Bram Hendriks",
                                        "bram.hendriks@ggdzl.example",
                                        "2022-01-01",
                                        "2026-03-31",
                                        "0,4"};
    const std::vector<std::string> noor{"Contactpersoon GGD",
                                        "maastricht-noor",
                                        "Noor Bakker",
                                        "noor.bakker@ggdzl.example",
                                        "2026-04-01",
                                        "-",
                                        "0,4"};
    const auto b = std::find(rows.begin(), rows.end(), bram);
    const auto n = std::find(rows.begin(), rows.end(), noor);
    ASSERT_NE(b, rows.end()) << r.out;
    ASSERT_NE(n, rows.end()) << r.out;
    EXPECT_EQ(n - b, 1) << "ordered by role, then by first day:\n" << r.out;
    EXPECT_TRUE(has_row(r.out, "Kernteam", "maastricht-bram")) << r.out;
}

TEST_F(OkoctlPeople, JsonHasOneAssignmentPerLineVacanciesAndAFinalCapacity) {
    bram_leaves();
    const auto r = okoctl(
        {"list", "--municipality", "GM0935", "--on", "2026-04-01", "--json", "--at", kMarch2});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::vector<boost::json::object> objects;
    for (const auto& line : lines_of(r.out))
        objects.push_back(boost::json::parse(line).as_object());
    ASSERT_GE(objects.size(), 3u);

    const auto sanne =
        std::find_if(objects.begin(), objects.end(), [](const boost::json::object& o) {
            return o.at("kind") == "assignment" && o.at("role") == "regisseur";
        });
    ASSERT_NE(sanne, objects.end()) << r.out;
    EXPECT_EQ(sanne->at("person"), "maastricht-sanne");
    EXPECT_EQ(sanne->at("name"), "Sanne Vermeulen");
    EXPECT_EQ(sanne->at("email"), "sanne.vermeulen@maastricht.example");
    EXPECT_EQ(sanne->at("role_name"), "Regisseur (projectleider)");
    EXPECT_EQ(sanne->at("from"), "2022-01-01");
    EXPECT_TRUE(sanne->at("until").is_null());
    EXPECT_DOUBLE_EQ(sanne->at("fte").to_number<double>(), 0.6);

    const auto vacancy =
        std::find_if(objects.begin(), objects.end(),
                     [](const boost::json::object& o) { return o.at("kind") == "vacancy"; });
    ASSERT_NE(vacancy, objects.end()) << r.out;
    EXPECT_EQ(vacancy->at("role"), "ggd-contact");

    const auto& capacity = objects.back();
    EXPECT_EQ(capacity.at("kind"), "capacity");
    EXPECT_DOUBLE_EQ(capacity.at("total_fte").to_number<double>(), 1.2);  // Bram's 0.4 left
    EXPECT_DOUBLE_EQ(capacity.at("norm_total_fte").to_number<double>(), 1.5);
    EXPECT_EQ(capacity.at("below_norm"), true);
    EXPECT_NE(r.out.find("\"fte\":0.6"), std::string::npos) << "plain decimals:\n" << r.out;
}

TEST_F(OkoctlPeople, LeaveEndsTheRoleAndStartsTheWarmHandoverAddressedToTheRole) {
    bram_leaves();
    EXPECT_NE(leave_output_.find(
                  "maastricht-bram leaves Contactpersoon GGD (ggd-contact) in GM0935 Maastricht: "
                  "last day 2026-03-31"),
              std::string::npos)
        << leave_output_;
    EXPECT_NE(leave_output_.find("started Warme overdracht (warm-handover)"), std::string::npos)
        << leave_output_;
    EXPECT_NE(leave_output_.find("from 2026-04-01 nobody holds Contactpersoon GGD"),
              std::string::npos)
        << leave_output_;
    // The hand-over created timers; the daemon watches its store for them.
    EXPECT_NE(leave_output_.find("a running okod acts on this at once: it watches its store"),
              std::string::npos)
        << leave_output_;

    auto r = okoctl({"list", "--municipality", "GM0935", "--on", "2026-03-31", "--at", kMarch2});
    EXPECT_TRUE(has_row(r.out, "Contactpersoon GGD", "maastricht-bram")) << r.out;
    r = okoctl({"list", "--municipality", "GM0935", "--on", "2026-04-01", "--at", kMarch2});
    EXPECT_TRUE(has_row(r.out, "Contactpersoon GGD", "vacant")) << r.out;
    EXPECT_FALSE(has_row(r.out, "Contactpersoon GGD", "maastricht-bram")) << r.out;
    EXPECT_TRUE(has_row(r.out, "Kernteam", "maastricht-bram")) << "only the role given ends:\n"
                                                               << r.out;

    const auto i = handover();
    ASSERT_TRUE(i);
    EXPECT_FALSE(i->finished_at);
    EXPECT_EQ(i->state, "overdracht");
    EXPECT_EQ(i->params.at("leaver"), "maastricht-bram");
    auto store = SqliteStore::open(store_path());
    TaskFilter f;
    f.instance_id = i->id;
    f.role = "ggd-contact";
    std::vector<std::string> keys;
    for (const auto& t : store->tasks_matching(f)) keys.push_back(t.key);
    EXPECT_EQ(keys, (std::vector<std::string>{"handover-file", "handover-meeting"}));
}

TEST_F(OkoctlPeople, ANewPersonNeedsNoReload) {
    const auto r = okoctl({"add", "maastricht-noor", "--name", "Noor Bakker", "--email",
                           "noor.bakker@ggdzl.example", "--language", "en"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out,
              "saved person maastricht-noor (Noor Bakker <noor.bakker@ggdzl.example>, English)\n"
              "okod reads people and roles from its store whenever a reminder goes out: nothing to "
              "reload\n");
    // A second add with a new name only changes the name: the address stays.
    const auto again = okoctl({"add", "maastricht-noor", "--name", "Noor Bakker-Smit"});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    auto store = SqliteStore::open(store_path());
    const auto noor = store->person("maastricht-noor");
    ASSERT_TRUE(noor);
    EXPECT_EQ(noor->name, "Noor Bakker-Smit");
    EXPECT_EQ(noor->email, "noor.bakker@ggdzl.example");
    EXPECT_EQ(noor->language, Language::en);
}

TEST_F(OkoctlPeople, ASuccessorNamedAfterTheLastDayMovesTheHandoverFromVacancyToIntroduction) {
    add_noor();
    bram_leaves();
    okod_runs_until(at_local(Date{date::year{2026} / 4 / 1}, TimeOfDay{10 * 60}));
    ASSERT_TRUE(handover());
    ASSERT_EQ(handover()->state, "vacature");

    const auto r =
        okoctl({"assign", "maastricht-noor", "--municipality", "GM0935", "--role", "ggd-contact",
                "--from", "2026-04-01", "--fte", "0.4", "--at", "2026-04-01T11:00:00+02:00"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(handover()->state, "introductie");
    EXPECT_EQ(handover()->params.at("successor"), "maastricht-noor");
    EXPECT_NE(r.out.find("successor named, 'Vacature' -> 'Opvolger inwerken'"), std::string::npos)
        << r.out;
}

TEST_F(OkoctlPeople, AfterTurnoverTheRolesWorkGoesToTheSuccessor) {
    add_noor();
    bram_leaves();
    const auto r = okoctl({"assign", "maastricht-noor", "--municipality", "GM0935", "--role",
                           "ggd-contact", "--from", "2026-04-01", "--at", kMarch2});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // Named before the last day: the hand-over keeps it and goes straight to the
    // introduction the morning after, with no vacancy.
    EXPECT_NE(r.out.find("knows its successor maastricht-noor; it is in 'Overdracht voorbereiden'"),
              std::string::npos)
        << r.out;

    auto store = SqliteStore::open(store_path());
    const auto before =
        store->holders_of_role("GM0935", "ggd-contact", Date{date::year{2026} / 3 / 31});
    const auto after =
        store->holders_of_role("GM0935", "ggd-contact", Date{date::year{2026} / 4 / 1});
    ASSERT_EQ(before.size(), 1u);
    EXPECT_EQ(before[0].id, "maastricht-bram");
    ASSERT_EQ(after.size(), 1u);
    EXPECT_EQ(after[0].id, "maastricht-noor");
    EXPECT_EQ(after[0].email, "noor.bakker@ggdzl.example");
    store.reset();

    okod_runs_until(at_local(Date{date::year{2026} / 4 / 1}, TimeOfDay{10 * 60}));
    EXPECT_EQ(handover()->state, "introductie");
}

TEST_F(OkoctlPeople, AnUnknownPersonIsRefusedAndChangesNothing) {
    const auto before = snapshot();
    const auto r = okoctl({"assign", "maastricht-nobody", "--municipality", "GM0935", "--role",
                           "ggd-contact", "--from", "2026-04-01", "--at", kMarch2});
    EXPECT_EQ(r.exit_code, 4);  // not found, the code okoctl gives for a 404 through the API
    EXPECT_EQ(r.err, "okoctl people assign: no person 'maastricht-nobody': add them first\n");
    EXPECT_EQ(snapshot(), before);
}

TEST_F(OkoctlPeople, AnUnknownRoleIsRefusedWithTheKnownRoles) {
    const auto before = snapshot();
    const auto r = okoctl({"assign", "maastricht-bram", "--municipality", "GM0935", "--role", "ggd",
                           "--from", "2026-04-01", "--at", kMarch2});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("okoctl people assign: unknown role 'ggd' (known roles: "),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("ggd-contact"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("regisseur"), std::string::npos) << r.err;
    EXPECT_EQ(snapshot(), before);
}

TEST_F(OkoctlPeople, LeavingARoleNotHeldIsRefusedAndStartsNoHandover) {
    const auto before = snapshot();
    const auto r = okoctl({"leave", "maastricht-lotte", "--municipality", "GM0935", "--role",
                           "ggd-contact", "--last-day", "2026-03-31", "--at", kMarch2});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err,
              "okoctl people leave: maastricht-lotte holds no role 'ggd-contact' in GM0935 on "
              "2026-03-31\n");
    EXPECT_EQ(snapshot(), before);
    EXPECT_FALSE(handover());
}

TEST_F(OkoctlPeople, AnEndBeforeTheStartIsRefused) {
    const auto before = snapshot();
    const auto r =
        okoctl({"assign", "maastricht-bram", "--municipality", "GM0935", "--role", "regisseur",
                "--from", "2026-04-01", "--until", "2026-03-31", "--at", kMarch2});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err,
              "okoctl people assign: the last day 2026-03-31 is before the first day 2026-04-01\n");
    EXPECT_EQ(snapshot(), before);
}

TEST_F(OkoctlPeople, ANameWithALineFeedOrAListOfAddressesIsRefusedAndChangesNothing) {
    const auto before = snapshot();
    auto r = okoctl({"add", "maastricht-eva", "--name", "Eva\n[error] forged", "--email",
                     "eva@x.example", "--at", kMarch2});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "okoctl people add: name: contains a control character (U+000A)\n");
    r = okoctl({"add", "maastricht-eva", "--name", "Eva", "--email",
                "eva@x.example, b@evil.example", "--at", kMarch2});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err,
              "okoctl people add: email: 'eva@x.example, b@evil.example' is not an e-mail address "
              "(one address, not a list)\n");
    EXPECT_EQ(snapshot(), before);
}

TEST_F(OkoctlPeople, BadArgumentsAreExitCode2WithWhatIsWrong) {
    const auto before = snapshot();
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Case> cases{
        {{"assign", "maastricht-bram", "--municipality", "GM0935", "--role", "regisseur", "--from",
          "2026-04-01", "--fte", "veel"},
         "--fte: 'veel' is not an FTE figure (a number like 0.4)"},
        {{"assign", "maastricht-bram", "--municipality", "GM0935", "--role", "regisseur", "--from",
          "2026-04-01", "--fte", "2"},
         "--fte: '2' is not between 0 and 1.5 fte"},
        {{"assign", "maastricht-bram", "--municipality", "GM0935", "--role", "regisseur", "--from",
          "2026-02-30"},
         "--from: '2026-02-30' is not a date (YYYY-MM-DD)"},
        {{"leave", "maastricht-bram", "--municipality", "GM0935", "--last-day", "2026-03-31",
          "--at", "tomorrow"},
         "--at: 'tomorrow' is not an ISO 8601 time (e.g. 2026-03-02T09:00:00+01:00)"},
        {{"leave", "maastricht-bram", "--municipality", "GM0935"}, "--last-day is required"},
        {{"list", "--municipality", "Maastricht"},
         "--municipality: 'Maastricht' is not a CBS code"},
    };
    for (const auto& c : cases) {
        const auto r = okoctl(c.args);
        EXPECT_EQ(r.exit_code, 2) << c.message;
        EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    }
    EXPECT_EQ(snapshot(), before);
}

// The FTE of a role is 0 to 1.5, written with a comma or a point; anything strtod would
// also read (blanks, "+", hex, "inf") is not how a municipality writes a figure.
TEST_F(OkoctlPeople, FteIsAPlainDecimalFromZeroToOneAndAHalf) {
    add_noor();
    const auto assign = [&](const std::string& fte, const std::string& day = "2026-04-01") {
        return okoctl({"assign", "maastricht-noor", "--municipality", "GM0935", "--role",
                       "school-contact", "--from", day, "--until", day, "--fte", fte, "--at",
                       kMarch2});
    };
    for (const std::string bad : {"1.51", "1,500001", "-0.1", "+0.4", " 0.4", "0x1p-1", "inf",
                                  "nan", "1e-1", "", "0,4 fte"}) {
        const auto before = snapshot();
        const auto r = assign(bad);
        EXPECT_EQ(r.exit_code, 2) << "'" << bad << "'\n" << r.out;
        EXPECT_NE(r.err.find("--fte: '" + bad + "' is not"), std::string::npos) << r.err;
        EXPECT_EQ(snapshot(), before) << bad;
    }
    const std::vector<std::pair<std::string, std::string>> good{
        {"0", "2026-04-01"}, {"1.5", "2026-04-02"}, {"1,5", "2026-04-03"}};
    for (const auto& [fte, day] : good) {
        const auto r = assign(fte, day);
        EXPECT_EQ(r.exit_code, 0) << fte << "\n" << r.err;
        const auto list =
            okoctl({"list", "--municipality", "GM0935", "--on", day, "--at", kMarch2});
        const auto rows = rows_of(list.out);
        EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [&](const std::vector<std::string>& row) {
            return row.size() == 7 && row[1] == "maastricht-noor" &&
                   row[6] == (fte == "0" ? "0" : "1,5");
        })) << list.out;
    }
}

TEST_F(OkoctlPeople, AnUnknownMunicipalityNamesTheKnownOnes) {
    const auto r = okoctl({"list", "--municipality", "GM0999"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(
        r.err.find(
            "okoctl people list: okod knows no municipality GM0999 (it knows: GM0014, GM0344, "
            "GM0935)"),
        std::string::npos)
        << r.err;
}

TEST_F(OkoctlPeople, WithoutAtTheCommandsFollowOkodsAcceleratedClock) {
    {
        auto store = SqliteStore::open(store_path());
        // okod run --clock 2022-06-01T09:00:00+02:00 --clock-speed 1, just started.
        RunClock::accelerated(*store, at_local(Date{date::year{2022} / 6 / 1}, TimeOfDay{9 * 60}),
                              1.0);
    }
    const auto r = okoctl({"list", "--municipality", "GM0935"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("GM0935 Maastricht on 2022-06-01\n"), std::string::npos) << r.out;
}

TEST_F(OkoctlPeople, AMissingStoreIsExitCode1AndCreatesNothing) {
    const auto missing = dir_ / "elsewhere" / "okod.sqlite";
    const auto r =
        okoctl({"add", "maastricht-noor", "--name", "Noor Bakker", "--store", missing.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("okoctl people add: no store at " + missing.string()), std::string::npos)
        << r.err;
    EXPECT_FALSE(fs::exists(missing));
}

TEST_F(OkoctlPeople, ABrokenConfigIsEveryErrorWithItsPlaceAndExitCode1) {
    write_file(dir_ / "okod.toml", "[store]\npath = 12\n[definitions]\ndir = \"definitions\"\n");
    const auto r = okoctl({"list", "--municipality", "GM0935"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("okod.toml:2:"), std::string::npos) << r.err;
}

// Issue 16: where a person belongs, on the server. --municipality makes a new person a
// member; link shares them with another municipality; unlink waits until their role
// there has ended.
TEST_F(OkoctlPeople, link_and_unlink_say_where_a_person_belongs_and_unlink_waits_for_their_roles) {
    auto r = okoctl({"add", "maastricht-noor", "--name", "Noor Bakker", "--municipality", "GM0935",
                     "--at", kMarch2});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("maastricht-noor now belongs to GM0935"), std::string::npos) << r.out;
    r = okoctl({"link", "maastricht-noor", "--municipality", "GM0014", "--at", kMarch2});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "maastricht-noor now belongs to GM0014, GM0935\n");
    EXPECT_EQ(SqliteStore::open(store_path())->memberships_of_person("maastricht-noor"),
              (std::vector<std::string>{"GM0014", "GM0935"}));

    // Bram holds roles in Maastricht: he stays its member until they end.
    const auto before = snapshot();
    r = okoctl({"unlink", "maastricht-bram", "--municipality", "GM0935", "--at", kMarch2});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("end it first (okoctl people leave)"), std::string::npos) << r.err;
    EXPECT_EQ(snapshot(), before);
    r = okoctl({"unlink", "maastricht-noor", "--municipality", "GM0014", "--at", kMarch2});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "maastricht-noor now belongs to GM0935\n");
    r = okoctl({"link", "nobody", "--municipality", "GM0014", "--at", kMarch2});
    EXPECT_EQ(r.exit_code, 4);
    EXPECT_NE(r.err.find("no person nobody"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace okod::test
