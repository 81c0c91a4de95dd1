// Role, workflow and step names in the caller's language (issue 19: "English selectable,
// all of it"), against the real okod on the demo: Accept-Language first, else the
// language of the token's person, else Dutch; every route that names them alike.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "support/api_daemon.hpp"
#include "support/http_client.hpp"

namespace okod::test {
namespace {

namespace json = boost::json;

json::value get(const ApiDaemon& okod, const std::string& token, const std::string& path,
                const std::string& language = "") {
    std::vector<std::string> headers{"Authorization: Bearer " + token};
    if (!language.empty()) headers.push_back("Accept-Language: " + language);
    const auto r = http_request_with_headers("GET", okod.url() + path, headers);
    EXPECT_EQ(r.status, 200) << path << ": " << r.body;
    return r.json();
}

// Every value of `field` in the objects of `list`.
std::set<std::string> names(const json::value& list, const char* field) {
    std::set<std::string> out;
    for (const auto& x : list.as_array())
        if (const auto* v = x.as_object().if_contains(field))
            out.insert(std::string(v->as_string()));
    return out;
}

TEST(NamesLanguage, every_route_names_roles_workflows_and_steps_in_the_language_asked) {
    ApiDaemon okod;
    ASSERT_TRUE(okod.ready());
    const auto tokens = demo_tokens(okod);
    const std::string summary = "/api/v1/municipalities/GM0935";

    const auto dutch = get(okod, tokens.regisseur, summary);  // no header, no person: Dutch
    EXPECT_TRUE(names(dutch.at("roles"), "role_name").contains("Regisseur (projectleider)"));
    EXPECT_TRUE(names(dutch.at("instances"), "workflow_name").contains("OKO-cyclus"))
        << json::serialize(dutch.at("instances"));
    const auto english = get(okod, tokens.regisseur, summary, "en-GB,en;q=0.9");
    const auto roles = names(english.at("roles"), "role_name");
    EXPECT_TRUE(roles.contains("Project leader (regisseur)"));
    EXPECT_FALSE(roles.contains("Regisseur (projectleider)"));
    EXPECT_TRUE(names(english.at("instances"), "workflow_name").contains("OKO cycle"));

    // The process monitor: its workflow and its steps.
    const auto process = get(okod, tokens.regisseur, summary + "/process", "en");
    EXPECT_EQ(process.at("workflow_name"), "Implementation trajectory");
    const auto steps = names(process.at("steps"), "state_name");
    EXPECT_TRUE(steps.contains("Start-up (year 1)")) << json::serialize(process.at("steps"));
    EXPECT_FALSE(steps.contains("Opstart (jaar 1)"));
    EXPECT_TRUE(names(get(okod, tokens.regisseur, summary + "/process").at("steps"), "state_name")
                    .contains("Opstart (jaar 1)"));

    // Tasks (the list and one task), instances and people.
    const auto tasks =
        get(okod, tokens.regisseur, "/api/v1/tasks?municipality=GM0935&role=regisseur", "en");
    ASSERT_FALSE(tasks.at("tasks").as_array().empty());
    EXPECT_EQ(names(tasks.at("tasks"), "role_name"),
              std::set<std::string>{"Project leader (regisseur)"});
    const auto& first = tasks.at("tasks").at(0);
    const auto one = get(okod, tokens.regisseur,
                         "/api/v1/tasks/" + std::to_string(first.at("id").as_int64()), "en");
    EXPECT_EQ(one.at("role_name"), "Project leader (regisseur)");
    EXPECT_NE(one.at("state_name"), one.at("state")) << "a step's name, not its id";
    EXPECT_EQ(
        get(okod, tokens.regisseur, "/api/v1/tasks/" + std::to_string(first.at("id").as_int64()))
            .at("role_name"),
        "Regisseur (projectleider)");
    EXPECT_TRUE(names(get(okod, tokens.regisseur, "/api/v1/instances?municipality=GM0935", "en")
                          .at("instances"),
                      "workflow_name")
                    .contains("OKO cycle"));
    EXPECT_TRUE(names(get(okod, tokens.regisseur, "/api/v1/people?municipality=GM0935", "en")
                          .at("assignments"),
                      "role_name")
                    .contains("Project leader (regisseur)"));
}

TEST(NamesLanguage, without_a_header_a_person_who_chose_english_gets_english) {
    ApiDaemon okod;
    ASSERT_TRUE(okod.ready());
    // Youssef's language is en in the demo config; his roles are kernteam and
    // verslavingszorg.
    const auto youssef = okod.token({"--role", "stakeholder", "--municipality", "GM0935",
                                     "--person", "maastricht-youssef", "--label", "Youssef"});
    const std::string path = "/api/v1/municipalities/GM0935";
    EXPECT_TRUE(names(get(okod, youssef, path).at("roles"), "role_name").contains("Core team"));
    // His browser's choice goes first.
    EXPECT_TRUE(
        names(get(okod, youssef, path, "nl").at("roles"), "role_name").contains("Kernteam"));
}

}  // namespace
}  // namespace okod::test
