// `okoctl people export | erase` (AVG art. 15 and 17) as a user runs them, on a store
// okod made from the demo config: the export is the person's JSON; an erasure is
// refused (exit 1, nothing changed) while they hold a role, done after their last day,
// and holds: a config file that still lists the person does not bring them back.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <boost/json.hpp>

#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "daemon/runtime.hpp"
#include "engine/engine.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"

namespace okod::test {
namespace {

namespace fs = std::filesystem;

class OkoctlPeoplePrivacy : public ::testing::Test {
protected:
    void SetUp() override {
        copy_demo_config(dir_.path());
        auto rt = runtime();
        ASSERT_TRUE(rt);
        VirtualClock clock(at_local(Date{date::year{2026} / 3 / 1}, TimeOfDay{9 * 60}));
        Engine engine(*rt->store, rt->definitions, rt->calendar, clock, rt->config.engine);
        for (const auto& m : rt->config.municipalities) engine.plan(m);
    }

    // What okod does at each start and reload: the config synced into the store.
    std::unique_ptr<Runtime> runtime() {
        auto loaded = load_config(config());
        EXPECT_TRUE(loaded.config);
        if (!loaded.config) return nullptr;
        auto opened = open_runtime(std::move(*loaded.config), store_path());
        EXPECT_TRUE(opened.runtime) << (opened.errors.empty() ? "" : opened.errors[0].to_string());
        return std::move(opened.runtime);
    }

    RunResult okoctl(std::vector<std::string> args) {
        args.insert(args.begin(), "people");
        args.insert(args.end(), {"--config", config().string()});
        return run_binary("okoctl", args);
    }

    void add_noor_for_march() {
        auto r = okoctl({"add", "maastricht-noor", "--name", "Noor Bakker", "--email",
                         "noor.bakker@ggdzl.example", "--at", kMarch2});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        r = okoctl({"assign", "maastricht-noor", "--municipality", "GM0935", "--role",
                    "school-contact", "--from", "2026-03-02", "--until", "2026-03-31", "--fte",
                    "0.2", "--at", kMarch2});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    fs::path config() const { return dir_ / "okod.toml"; }
    fs::path store_path() const { return dir_ / "state/okod.sqlite"; }

    static constexpr const char* kMarch2 = "2026-03-02T09:00:00+01:00";
    static constexpr const char* kApril2 = "2026-04-02T09:00:00+02:00";
    TempDir dir_;
};

TEST_F(OkoctlPeoplePrivacy, ExportPrintsThePersonTheirRolesAndTheLogLinesAboutThem) {
    add_noor_for_march();
    const auto r = okoctl({"export", "maastricht-noor", "--at", "2026-03-10T09:00:00+01:00"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto v = boost::json::parse(r.out).as_object();
    EXPECT_EQ(v.at("person").at("name").as_string(), "Noor Bakker");
    EXPECT_EQ(v.at("person").at("email").as_string(), "noor.bakker@ggdzl.example");
    EXPECT_TRUE(v.at("person").at("erased_at").is_null());
    ASSERT_EQ(v.at("assignments").as_array().size(), 1u);
    const auto& a = v.at("assignments").as_array()[0];
    EXPECT_EQ(a.at("role").as_string(), "school-contact");
    EXPECT_EQ(a.at("from").as_string(), "2026-03-02");
    EXPECT_EQ(a.at("until").as_string(), "2026-03-31");
    EXPECT_DOUBLE_EQ(a.at("fte").as_double(), 0.2);
    std::vector<std::string> kinds;
    for (const auto& e : v.at("events").as_array()) kinds.emplace_back(e.at("kind").as_string());
    EXPECT_EQ(kinds, (std::vector<std::string>{"person_saved", "role_assigned"}));
    EXPECT_TRUE(v.contains("tasks"));
    EXPECT_TRUE(v.contains("emails"));
    EXPECT_TRUE(v.at("tokens").as_array().empty());
}

TEST_F(OkoctlPeoplePrivacy, ExportToAFileIsReadableByTheOwnerOnly) {
    add_noor_for_march();
    const fs::path out = dir_ / "noor.json";
    const auto r = okoctl({"export", "maastricht-noor", "-o", out.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("wrote " + out.string() + " (1 roles"), std::string::npos) << r.out;
    struct stat st {};
    ASSERT_EQ(::stat(out.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(boost::json::parse(read_file(out)).at("person").at("id").as_string(),
              "maastricht-noor");
}

TEST_F(OkoctlPeoplePrivacy, UnknownPeopleAndTheApiAreRefused) {
    auto r = okoctl({"export", "maastricht-nobody"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "okoctl people export: no person 'maastricht-nobody'\n");
    r = okoctl({"erase", "maastricht-nobody"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "okoctl people erase: no person 'maastricht-nobody'\n");
    r = okoctl({"erase", "maastricht-bram", "--url", "http://127.0.0.1:9"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("works on okod's store on its server only"), std::string::npos) << r.err;
}

TEST_F(OkoctlPeoplePrivacy, EraseIsRefusedWhileARoleRunsAndDoneAfterTheLastDay) {
    add_noor_for_march();
    auto r = okoctl({"erase", "maastricht-noor", "--at", "2026-03-10T09:00:00+01:00"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(
        r.err.find(
            "maastricht-noor still holds a role (school-contact in GM0935 until 2026-03-31): erase "
            "from 2026-04-01 on, after their last day"),
        std::string::npos)
        << r.err;
    EXPECT_EQ(SqliteStore::open(store_path())->person("maastricht-noor")->name, "Noor Bakker");

    r = okoctl({"erase", "maastricht-noor", "--at", kApril2});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("erased person maastricht-noor: from now on 'Verwijderde persoon 1'"),
              std::string::npos)
        << r.out;

    r = okoctl({"export", "maastricht-noor"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find("Noor Bakker"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("noor.bakker@"), std::string::npos) << r.out;
    const auto v = boost::json::parse(r.out).as_object();
    EXPECT_EQ(v.at("person").at("name").as_string(), "Verwijderde persoon 1");
    EXPECT_FALSE(v.at("person").at("erased_at").is_null());

    r = okoctl({"erase", "maastricht-noor", "--at", kApril2});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out,
              "person maastricht-noor was erased already (now 'Verwijderde persoon 1'): nothing "
              "changed\n");
    r = okoctl({"add", "maastricht-noor", "--name", "Noor Bakker", "--at", kApril2});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("was erased"), std::string::npos) << r.err;
}

TEST_F(OkoctlPeoplePrivacy, APersonStillInTheConfigFileStaysErasedAtOkodsNextStart) {
    auto r = okoctl({"leave", "maastricht-bram", "--municipality", "GM0935", "--last-day",
                     "2026-03-31", "--at", kMarch2});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = okoctl({"erase", "maastricht-bram", "--at", kApril2});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("note: maastricht-bram is still in a municipality file"),
              std::string::npos)
        << r.out;

    auto rt = runtime();  // okod starts again with Bram still in GM0935-maastricht.toml
    ASSERT_TRUE(rt);
    EXPECT_EQ(rt->store->person("maastricht-bram")->name, "Verwijderde persoon 1");
    EXPECT_EQ(rt->store->person("maastricht-bram")->email, "");
    for (const auto& a : rt->store->assignments_of_municipality("GM0935"))
        if (a.person_id == "maastricht-bram") {
            EXPECT_EQ(a.until, Date{date::year{2026} / 3 / 31});
        }
}

}  // namespace
}  // namespace okod::test
