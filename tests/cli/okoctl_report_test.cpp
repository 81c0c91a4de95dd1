// `okoctl report process`, the process monitor, as the council's clerk runs it against
// the real okod: each step of the implementation trajectory with its deadline, when it
// was done and the verdict, in Dutch.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/api_daemon.hpp"
#include "support/http_client.hpp"
#include "support/output_lines.hpp"

namespace okod::test {
namespace {

class OkoctlReport : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        // 2 May 2022: the trajectory's first two steps were due on 31 March.
        okod_ = new ApiDaemon("2022-05-02T09:00:00+02:00");
        ASSERT_TRUE(okod_->ready());
        regisseur_ =
            okod_->token({"--role", "regisseur", "--municipality", "GM0935", "--label", "Sanne"});
        council_ =
            okod_->token({"--role", "council", "--municipality", "GM0935", "--label", "griffie"});
        stakeholder_ = okod_->token({"--role", "stakeholder", "--municipality", "GM0935",
                                     "--person", "maastricht-bram", "--label", "Bram"});
        // The core team was formed a month late.
        const auto tasks =
            http_request("GET", okod_->url() + "/api/v1/tasks?municipality=GM0935&status=overdue",
                         "", regisseur_)
                .json();
        for (const auto& t : tasks.at("tasks").as_array())
            if (t.at("key").as_string() == "core-team") core_team_ = t.at("id").as_int64();
        ASSERT_NE(core_team_, 0);
        const auto done = http_request(
            "POST", okod_->url() + "/api/v1/tasks/" + std::to_string(core_team_) + "/complete",
            "{}", regisseur_);
        ASSERT_EQ(done.status, 200) << done.body;
    }
    static void TearDownTestSuite() { delete okod_; }

    static RunResult okoctl(std::vector<std::string> args, const std::string& token) {
        return run_binary("okoctl", args,
                          {"OKOD_URL=" + okod_->url(), "OKOD_TOKEN=" + token, "OKOD_TOKEN_FILE",
                           "OKOD_CONFIG", "XDG_CONFIG_HOME=" + (okod_->dir() / "xdg").string()});
    }

    static ApiDaemon* okod_;
    static std::string regisseur_, council_, stakeholder_;
    static std::int64_t core_team_;
};
ApiDaemon* OkoctlReport::okod_ = nullptr;
std::string OkoctlReport::regisseur_, OkoctlReport::council_, OkoctlReport::stakeholder_;
std::int64_t OkoctlReport::core_team_ = 0;

TEST_F(OkoctlReport, the_process_monitor_shows_each_step_with_its_dates_and_verdict_in_dutch) {
    const auto r = okoctl({"report", "process", "--municipality", "GM0935"}, council_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto lines = lines_of(r.out);
    ASSERT_GE(lines.size(), 4u) << r.out;
    EXPECT_EQ(lines[0],
              "Procesmonitor: Maastricht GM0935 (Implementatietraject), stand 2022-05-02 09:00")
        << r.out;
    auto line_with = [&](const std::string& text) {
        for (const auto& l : lines)
            if (l.find(text) != std::string::npos) return l;
        return std::string();
    };
    const auto core_team = line_with("Lokaal kernteam vormen");
    EXPECT_NE(core_team.find("2022-03-31 17:00  2022-05-02 09:00  te laat (32 dg)"),
              std::string::npos)
        << r.out;
    const auto stakeholders = line_with("Lokale stakeholders informeren");
    EXPECT_NE(stakeholders.find("te laat, open (32 dg)"), std::string::npos) << r.out;
    EXPECT_NE(line_with("Lokale preventiecoalitie vormen").find("open"), std::string::npos)
        << r.out;
    EXPECT_EQ(lines.back(),
              "samen: 0 op tijd, 1 te laat, 1 te laat en open, 4 open, 0 overgeslagen")
        << r.out;
}

TEST_F(OkoctlReport, the_json_has_the_verdicts_and_the_summary) {
    const auto r = okoctl({"report", "process", "--municipality", "GM0935", "--json"}, regisseur_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto report = boost::json::parse(r.out);
    EXPECT_EQ(report.at("summary").at("late").as_int64(), 1);
    const auto& steps = report.at("steps").as_array();
    ASSERT_FALSE(steps.empty());
    EXPECT_EQ(steps[0].at("id").as_int64(), core_team_);
    EXPECT_EQ(steps[0].at("verdict").as_string(), "late");
    EXPECT_EQ(steps[0].at("days_late").as_int64(), 32);
    EXPECT_EQ(steps[0].at("state_name").as_string(), "Opstart (jaar 1)");
}

TEST_F(OkoctlReport, other_workflows_english_and_refusals) {
    auto r = okoctl({"report", "process", "--municipality", "GM0935", "--workflow", "oko-cycle",
                     "--lang", "en"},
                    council_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.out.starts_with("Process monitor: Maastricht GM0935")) << r.out;
    EXPECT_NE(r.out.find("total: 0 on time"), std::string::npos) << r.out;
    // A stakeholder reads no reports (403: exit 3); an unknown workflow is not found (4).
    r = okoctl({"report", "process", "--municipality", "GM0935"}, stakeholder_);
    EXPECT_EQ(r.exit_code, 3) << r.err;
    r = okoctl({"report", "process", "--municipality", "GM0935", "--workflow", "nothing"},
               council_);
    EXPECT_EQ(r.exit_code, 4) << r.err;
    EXPECT_NE(r.err.find("GM0935 runs no workflow 'nothing'"), std::string::npos) << r.err;
    r = okoctl({"report", "process", "--municipality", "GM935"}, council_);
    EXPECT_EQ(r.exit_code, 2) << r.err;
}

}  // namespace
}  // namespace okod::test
