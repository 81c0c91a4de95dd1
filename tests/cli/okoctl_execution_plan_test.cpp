// `okoctl execution-plan` as a project leader uses it: on okod's store on the server
// (local mode), and from a laptop through okod's API (OKOD_URL). Adding, changing and
// removing actions shows the action as stored; the list shows per recommendation an
// aligned table in Dutch; refusals say why, exit with the documented code and change
// nothing.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "daemon/runtime.hpp"
#include "model/event_kind.hpp"
#include "support/api_daemon.hpp"
#include "support/child_process.hpp"
#include "support/http_client.hpp"
#include "support/output_lines.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"

namespace okod::test {
namespace {

namespace fs = std::filesystem;

const std::string kAt = "2026-03-02T09:00:00+01:00";

bool has_line_with(const std::string& text, const std::vector<std::string>& parts) {
    for (const auto& line : lines_of(text)) {
        bool all = true;
        for (const auto& p : parts) all = all && line.find(p) != std::string::npos;
        if (all) return true;
    }
    return false;
}

// The columns of the table line that starts with `id` (cells apart by two spaces or more).
std::vector<std::string> row_of(const std::string& text, const std::string& id) {
    for (const auto& line : lines_of(text)) {
        const auto cells = table_cells(line);
        if (!cells.empty() && cells[0] == id) return cells;
    }
    return {};
}

// --- on okod's store -------------------------------------------------------------------

class OkoctlExecutionPlanLocal : public ::testing::Test {
protected:
    // A store as okod makes it from the demo config (Maastricht with its four
    // recommendations of the Scanner).
    void SetUp() override {
        copy_demo_config(dir_.path());
        auto loaded = load_config(dir_.path() / "okod.toml");
        ASSERT_TRUE(loaded.config) << loaded.errors[0].to_string();
        auto opened = open_runtime(std::move(*loaded.config), store_path());
        ASSERT_TRUE(opened.runtime) << opened.errors[0].to_string();
    }
    fs::path store_path() const { return dir_.path() / "state" / "okod.sqlite"; }
    RunResult okoctl(std::vector<std::string> args) {
        args.insert(args.begin(), "execution-plan");
        args.insert(args.end(), {"--config", (dir_.path() / "okod.toml").string(), "--at", kAt});
        return run_binary("okoctl", args, {"OKOD_URL", "USER=sanne", "SUDO_USER"});
    }
    std::vector<Event> plan_events() {
        std::vector<Event> out;
        for (const auto& e : SqliteStore::open(store_path())->events_after(0, 100000))
            if (to_string(e.kind).starts_with("execution_action_")) out.push_back(e);
        return out;
    }
    TempDir dir_;
};

TEST_F(OkoctlExecutionPlanLocal, add_set_list_and_remove_on_okods_store) {
    auto r = okoctl({"add",
                     "--municipality",
                     "GM0935",
                     "--recommendation",
                     "2",
                     "--intervention",
                     "Ouderavonden op alle vo-scholen",
                     "--relevance",
                     "Ouders onderschatten het gebruik",
                     "--money",
                     "2500",
                     "--fte",
                     "0,2",
                     "--other-resources",
                     "aula",
                     "--effectiveness",
                     "Goed onderbouwd",
                     "--recognised",
                     "yes",
                     "--obstacles",
                     "Opkomst",
                     "--period",
                     "sep 2026 - jun 2027",
                     "--responsible",
                     "Novadic-Kentron",
                     "--priority",
                     "hoog",
                     "--considerations",
                     "Snel te doen"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(
        r.out.find("actie 1 toegevoegd aan het uitvoeringsplan van GM0935\n"
                   "actie 1 · aanbeveling 2: Voorlichting aan ouders over alcohol en cannabis\n"),
        std::string::npos)
        << r.out;
    EXPECT_TRUE(has_line_with(r.out, {"4 middelen:", "€ 2.500 · 0,2 fte · aula"})) << r.out;
    EXPECT_TRUE(has_line_with(
        r.out, {"5 verwachte effectiviteit:", "Goed onderbouwd (erkende interventie: ja)"}))
        << r.out;
    EXPECT_TRUE(has_line_with(r.out, {"status:", "rood"})) << r.out;

    r = okoctl({"add", "--municipality", "GM0935", "--recommendation", "Handhaving op evenementen",
                "--intervention", "Leeftijdscontrole bij festivals", "--status", "groen",
                "--remark", "alle festivals"});
    ASSERT_EQ(r.exit_code, 0) << r.err;

    r = okoctl({"set", "--municipality", "GM0935", "--id", "1", "--status", "oranje", "--remark",
                "twee van vier avonden gegeven", "--money", ""});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find(
                  "actie 1 gewijzigd: money_euros 2500 → -, status rood → oranje, status_remark\n"),
              std::string::npos)
        << r.out;
    EXPECT_TRUE(has_line_with(r.out, {"4 middelen:", "0,2 fte · aula"})) << r.out;

    r = okoctl({"list", "--municipality", "GM0935"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto lines = lines_of(r.out);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines[0],
              "Uitvoeringsplan Maastricht (GM0935): 2 acties (1 groen, 1 oranje, 0 rood)");
    // Per recommendation in Maastricht's order, also those without actions.
    const auto first = r.out.find(
        "Aanbeveling 1: Alcoholverstrekking aan minderjarigen in sportkantines\n  (nog geen "
        "acties)");
    const auto second = r.out.find(
        "Aanbeveling 2: Voorlichting aan ouders over alcohol en cannabis (0 groen, 1 oranje, 0 "
        "rood)");
    const auto fourth =
        r.out.find("Aanbeveling 4: Handhaving op evenementen (1 groen, 0 oranje, 0 rood)");
    ASSERT_NE(first, std::string::npos) << r.out;
    ASSERT_NE(second, std::string::npos) << r.out;
    ASSERT_NE(fourth, std::string::npos) << r.out;
    EXPECT_LT(first, second);
    EXPECT_LT(second, fourth);
    EXPECT_TRUE(
        has_line_with(r.out, {"ID", "PRIORITEIT", "INTERVENTIE", "PERIODE", "VERANTWOORDELIJK",
                              "MIDDELEN", "ERKEND", "STATUS", "OPMERKING"}))
        << r.out;
    EXPECT_EQ(row_of(r.out, "1"),
              (std::vector<std::string>{"1", "hoog", "Ouderavonden op alle vo-scholen",
                                        "sep 2026 - jun 2027", "Novadic-Kentron", "0,2 fte · aula",
                                        "ja", "oranje", "twee van vier avonden gegeven"}))
        << r.out;
    EXPECT_EQ(row_of(r.out, "2")[7], "groen") << r.out;

    r = okoctl({"list", "--municipality", "GM0935", "--full"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(has_line_with(r.out, {"6 belemmeringen:", "Opkomst"})) << r.out;
    EXPECT_TRUE(has_line_with(r.out, {"afwegingen:", "Snel te doen"})) << r.out;

    r = okoctl({"list", "--municipality", "GM0935", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto actions = json_lines(r.out);
    ASSERT_EQ(actions.size(), 2u);
    EXPECT_EQ(actions[0].at("id").as_int64(), 1);
    EXPECT_EQ(actions[0].at("recommendation_number").as_int64(), 2);
    EXPECT_TRUE(actions[0].at("money_euros").is_null());
    EXPECT_EQ(actions[1].at("status").as_string(), "groen");

    r = okoctl({"remove", "--municipality", "GM0935", "--id", "2"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("actie 2 verwijderd: 'Leeftijdscontrole bij festivals' (aanbeveling 4)"),
              std::string::npos)
        << r.out;

    // Every change is in okod's event log, with who did it, at okod's moment.
    const auto events = plan_events();
    ASSERT_EQ(events.size(), 4u);
    EXPECT_EQ(events[0].kind, EventKind::execution_action_added);
    EXPECT_EQ(events[2].kind, EventKind::execution_action_changed);
    EXPECT_EQ(events[3].kind, EventKind::execution_action_removed);
    EXPECT_EQ(events[2].at, *parse_instant(kAt));
    EXPECT_TRUE(events[2].note.ends_with(
        "gewijzigd: money_euros 2500 → -, status rood → oranje, status_remark (door sanne)"))
        << events[2].note;
}

// An action's FTE is 0 to 100 (a project may need several people), read as the role
// FTE of `okoctl people` is: a plain decimal with comma or point; "" clears it on set.
TEST_F(OkoctlExecutionPlanLocal, fte_is_a_plain_decimal_from_zero_to_a_hundred) {
    const auto add = [&](const std::string& fte) {
        return okoctl({"add", "--municipality", "GM0935", "--recommendation", "1", "--intervention",
                       "Ouderavonden", "--fte", fte});
    };
    for (const std::string bad : {"100.01", "100,5", "-1", "+2", " 2", "0x10", "inf", "2e1"}) {
        const auto r = add(bad);
        EXPECT_EQ(r.exit_code, 2) << "'" << bad << "'\n" << r.out;
        EXPECT_NE(r.err.find("--fte: '" + bad + "' is not"), std::string::npos) << r.err;
    }
    EXPECT_TRUE(plan_events().empty());
    auto r = add("100");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(has_line_with(r.out, {"4 middelen:", "100 fte"})) << r.out;
    r = okoctl({"set", "--municipality", "GM0935", "--id", "1", "--fte", "99,5"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(has_line_with(r.out, {"4 middelen:", "99,5 fte"})) << r.out;
    r = okoctl({"set", "--municipality", "GM0935", "--id", "1", "--fte", ""});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_FALSE(has_line_with(r.out, {"4 middelen:", "fte"})) << r.out;
}

TEST_F(OkoctlExecutionPlanLocal, refusals_say_why_and_change_nothing) {
    ASSERT_EQ(okoctl({"add", "--municipality", "GM0935", "--recommendation", "1", "--intervention",
                      "Barinstructie"})
                  .exit_code,
              0);
    const auto before =
        SqliteStore::open(store_path())->execution_actions_of_municipality("GM0935");
    const auto events_before = plan_events().size();

    // okod's rules: exit 1 with the reason.
    auto r =
        okoctl({"add", "--municipality", "GM0935", "--recommendation", "9", "--intervention", "x"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(
        r.err.find(
            "okoctl execution-plan add: recommendation '9' is not one of GM0935's recommendations "
            "(give its text or number: 1: Alcoholverstrekking aan minderjarigen in sportkantines;"),
        std::string::npos)
        << r.err;
    r = okoctl({"set", "--municipality", "GM0935", "--id", "1", "--intervention", " "});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("intervention is required"), std::string::npos) << r.err;
    r = okoctl({"set", "--municipality", "GM0935", "--id", "7", "--status", "groen"});
    EXPECT_EQ(r.exit_code, 4);  // not found, as through the API (404)
    EXPECT_NE(r.err.find("GM0935 has no execution-plan action 7"), std::string::npos) << r.err;
    r = okoctl({"remove", "--municipality", "GM0344", "--id", "1"});
    EXPECT_EQ(r.exit_code, 4);  // Utrecht has no action 1: Maastricht's is not Utrecht's to remove
    EXPECT_NE(r.err.find("GM0344 has no execution-plan action 1"), std::string::npos) << r.err;

    // The command line: exit 2 before anything is opened.
    for (const std::vector<std::string>& bad : {
             std::vector<std::string>{"add", "--municipality", "GM0935", "--recommendation", "1"},
             {"add", "--municipality", "GM0935", "--recommendation", "1", "--intervention", "x",
              "--money", "2.500,-"},
             {"add", "--municipality", "GM0935", "--recommendation", "1", "--intervention", "x",
              "--fte", "150"},
             {"add", "--municipality", "GM0935", "--recommendation", "1", "--intervention", "x",
              "--priority", "urgent"},
             {"add", "--municipality", "GM0935", "--recommendation", "1", "--intervention", "x",
              "--recognised", "misschien"},
             {"set", "--municipality", "GM0935", "--id", "1", "--status", "paars"},
             {"set", "--municipality", "GM0935", "--id", "1"},
             {"set", "--municipality", "GM935", "--id", "1", "--status", "groen"},
             {"remove", "--municipality", "GM0935"},
         }) {
        r = okoctl(bad);
        EXPECT_EQ(r.exit_code, 2) << fmt::format("{}", fmt::join(bad, " ")) << "\n" << r.err;
    }
    EXPECT_EQ(SqliteStore::open(store_path())->execution_actions_of_municipality("GM0935"), before);
    EXPECT_EQ(plan_events().size(), events_before);
}

// --- through okod's API ----------------------------------------------------------------

class OkoctlExecutionPlanApi : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        okod_ = new ApiDaemon();
        ASSERT_TRUE(okod_->ready());
        regisseur_ =
            okod_->token({"--role", "regisseur", "--municipality", "GM0935", "--label", "Sanne"});
        council_ =
            okod_->token({"--role", "council", "--municipality", "GM0935", "--label", "griffie"});
    }
    static void TearDownTestSuite() { delete okod_; }
    // A user at a laptop with OKOD_URL and OKOD_TOKEN set.
    static RunResult okoctl(std::vector<std::string> args, const std::string& token) {
        args.insert(args.begin(), "execution-plan");
        return run_binary("okoctl", args,
                          {"OKOD_URL=" + okod_->url(), "OKOD_TOKEN=" + token, "OKOD_TOKEN_FILE",
                           "OKOD_CONFIG", "XDG_CONFIG_HOME=" + (okod_->dir() / "xdg").string()});
    }
    static ApiDaemon* okod_;
    static std::string regisseur_, council_;
};
ApiDaemon* OkoctlExecutionPlanApi::okod_ = nullptr;
std::string OkoctlExecutionPlanApi::regisseur_, OkoctlExecutionPlanApi::council_;

TEST_F(OkoctlExecutionPlanApi, a_regisseur_keeps_the_plan_from_a_laptop_and_the_council_reads_it) {
    auto r = okoctl(
        {"add", "--municipality", "GM0935", "--recommendation", "3", "--intervention",
         "Signaleringstraining voor mentoren", "--priority", "hoog", "--period", "najaar 2026",
         "--responsible", "GGD Zuid Limburg", "--money", "4000", "--recognised", "ja"},
        regisseur_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("toegevoegd aan het uitvoeringsplan van GM0935\n"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("· aanbeveling 3: Signalering van middelengebruik op school\n"),
              std::string::npos)
        << r.out;
    EXPECT_TRUE(has_line_with(r.out, {"4 middelen:", "€ 4.000"})) << r.out;
    const auto listed =
        json_lines(okoctl({"list", "--municipality", "GM0935", "--json"}, council_).out);
    ASSERT_EQ(listed.size(), 1u);
    const std::string id = std::to_string(listed[0].at("id").as_int64());
    EXPECT_TRUE(listed[0].at("recognised").as_bool());

    r = okoctl({"set", "--municipality", "GM0935", "--id", id, "--status", "groen", "--remark",
                "alle mentoren getraind"},
               regisseur_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(
        r.out.find(fmt::format("actie {} gewijzigd: status rood → groen, status_remark\n", id)),
        std::string::npos)
        << r.out;

    // The council reads the same table as the regisseur on the server would.
    r = okoctl({"list", "--municipality", "GM0935"}, council_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(lines_of(r.out).at(0),
              "Uitvoeringsplan Maastricht (GM0935): 1 actie (1 groen, 0 oranje, 0 rood)");
    EXPECT_NE(
        r.out.find(
            "Aanbeveling 3: Signalering van middelengebruik op school (1 groen, 0 oranje, 0 rood)"),
        std::string::npos)
        << r.out;
    EXPECT_EQ(row_of(r.out, id),
              (std::vector<std::string>{id, "hoog", "Signaleringstraining voor mentoren",
                                        "najaar 2026", "GGD Zuid Limburg", "€ 4.000", "ja", "groen",
                                        "alle mentoren getraind"}))
        << r.out;

    // The council may not change it (403: exit 3); an unknown id is not found (exit 4);
    // okod's rules are exit 1 with its message; local-only options are exit 2.
    r = okoctl({"set", "--municipality", "GM0935", "--id", id, "--status", "rood"}, council_);
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_NE(
        r.err.find("okoctl: 403: a council token may not change the execution plan of GM0935"),
        std::string::npos)
        << r.err;
    r = okoctl({"remove", "--municipality", "GM0935", "--id", "999"}, regisseur_);
    EXPECT_EQ(r.exit_code, 4) << r.err;
    r = okoctl({"add", "--municipality", "GM0935", "--recommendation", "Iets anders",
                "--intervention", "x"},
               regisseur_);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(
        r.err.find(
            "okoctl: 422: recommendation 'Iets anders' is not one of GM0935's recommendations"),
        std::string::npos)
        << r.err;
    r = okoctl({"list", "--municipality", "GM0935", "--store", "/tmp/other.sqlite"}, regisseur_);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(json_lines(okoctl({"list", "--municipality", "GM0935", "--json"}, council_).out)[0]
                  .at("status")
                  .as_string(),
              "groen");

    r = okoctl({"remove", "--municipality", "GM0935", "--id", id}, regisseur_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find(fmt::format(
                  "actie {} verwijderd: 'Signaleringstraining voor mentoren' (aanbeveling 3)", id)),
              std::string::npos)
        << r.out;
    EXPECT_TRUE(
        json_lines(okoctl({"list", "--municipality", "GM0935", "--json"}, council_).out).empty());
}

// The demo plan in config/examples, entered through okod's API by a regisseur, is what
// the council's yearly report shows: per recommendation the actions with their lights,
// and what is not realised in the draft plan for next year.
TEST_F(OkoctlExecutionPlanApi, the_example_plan_goes_into_the_yearly_report) {
    const auto log = okod_->dir() / "example.log";
    ChildProcess script("/bin/bash",
                        {source_path("config/examples/execution-plan-maastricht.sh").string()}, log,
                        {"OKOCTL=" + binary_path("okoctl").string(), "OKOD_URL=" + okod_->url(),
                         "OKOD_TOKEN=" + regisseur_});
    ASSERT_EQ(script.wait_for(std::chrono::seconds(60)), 0) << read_file(log);
    const std::string listed = read_file(log);
    EXPECT_NE(
        listed.find("Uitvoeringsplan Maastricht (GM0935): 6 acties (2 groen, 3 oranje, 1 rood)"),
        std::string::npos)
        << listed;
    // A long intervention wraps in its column instead of being cut.
    EXPECT_TRUE(has_line_with(listed, {"1", "hoog", "Training Instructie Verantwoord", "groen"}))
        << listed;
    EXPECT_TRUE(has_line_with(listed, {"Alcoholschenken (IVA) voor"})) << listed;

    const auto report = http_request(
        "GET", okod_->url() + "/api/v1/municipalities/GM0935/reports/annual?year=2026&format=md",
        "", council_);
    ASSERT_EQ(report.status, 200) << report.body;
    const std::string& md = report.body;
    EXPECT_NE(md.find("## Uitvoeringsplan na de Scanner"), std::string::npos) << md;
    EXPECT_NE(md.find("Samen: 6 acties (2 groen, 3 oranje, 1 rood)."), std::string::npos) << md;
    EXPECT_NE(md.find("Aanbeveling 4: Handhaving op evenementen (0 groen, 1 oranje, 0 rood)"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("| oranje | Ouderavonden Helder op School op alle vo-scholen | hoog | sep "
                      "2023 – jun 2024 | "
                      "Novadic-Kentron (preventiewerker) met de scholen | € 4.500 · 0,2 fte · Aula "
                      "van de scholen | ja | "
                      "oranje: deels of loopt nog – 5 van de 8 scholen hadden hun ouderavond |"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("- Training vroegsignalering voor mentoren en zorgcoördinatoren "
                      "(uitvoeringsplan, aanbeveling 3, "
                      "rood: nog niet gerealiseerd)"),
              std::string::npos)
        << md;
}

}  // namespace
}  // namespace okod::test
