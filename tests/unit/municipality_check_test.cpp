#include "definition/municipality_check.hpp"

#include <gtest/gtest.h>

namespace okod {
namespace {

// A registry with one definition that needs a date and a list and starts at a
// [requires] date, and a catalogue of two roles.
DefinitionRegistry registry() {
    Definition d;
    d.id = "scanner-execution-plan";
    d.version = 1;
    d.start.at = "scanner_date";
    d.required_dates = {"scanner_date"};
    d.required_lists = {"recommendations"};
    d.settings["mandate_weeks"] = 6;
    DefinitionRegistry r;
    r.add(d);
    RoleCatalog roles;
    roles.roles["regisseur"] = Text{"Regisseur", "Coordinator"};
    roles.roles["wethouder"] = Text{"Wethouder", "Alderperson"};
    r.set_roles(roles);
    return r;
}

Municipality runs(std::string code, std::vector<std::string> workflows) {
    Municipality m;
    m.code = std::move(code);
    m.workflows = std::move(workflows);
    return m;
}

std::vector<std::string> messages(const std::vector<LoadError>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) {
        EXPECT_EQ(e.file, "config/municipalities");
        EXPECT_EQ(e.line, 0);
        out.push_back(e.message);
    }
    return out;
}

TEST(MunicipalityCheck, a_municipality_with_everything_its_workflows_need_passes) {
    Municipality m = runs("GM0935", {"scanner-execution-plan"});
    m.dates["scanner_date"] = Date{date::year{2024} / 3 / 1};
    m.lists["recommendations"] = {"a", "b"};
    m.settings["mandate_weeks"] = 8;
    const RoleAssignment a{0, "GM0935", "regisseur", "anna", {}, {}, {}};
    EXPECT_TRUE(check_municipalities({m}, {a}, registry(), "config/municipalities").empty());
}

TEST(MunicipalityCheck, names_each_missing_date_list_and_unknown_workflow) {
    const auto errors =
        check_municipalities({runs("GM0014", {"scanner-execution-plan", "council-reprot"})}, {},
                             registry(), "config/municipalities");
    EXPECT_EQ(messages(errors),
              (std::vector<std::string>{
                  "GM0014 runs 'scanner-execution-plan', which needs [dates] scanner_date",
                  "GM0014 runs 'scanner-execution-plan', which needs [lists] recommendations",
                  "GM0014 runs 'scanner-execution-plan', which starts at [dates] scanner_date",
                  "GM0014 runs unknown workflow 'council-reprot' (known: scanner-execution-plan)",
              }));
}

TEST(MunicipalityCheck, a_built_in_start_moment_needs_no_date) {
    DefinitionRegistry r;
    Definition d;
    d.id = "council-report";
    d.version = 1;
    d.start.at = "trajectory_end";
    r.add(d);
    EXPECT_TRUE(check_municipalities({runs("GM0935", {"council-report"})}, {}, r, "dir").empty());
}

TEST(MunicipalityCheck, settings_and_roles_must_be_declared_by_the_definitions) {
    Municipality m = runs("GM0935", {});
    m.settings["mandate_weeks"] = 8;  // only a setting of a workflow it does not run
    const RoleAssignment a{0, "GM0935", "stuurgroep", "piet", {}, {}, {}};
    EXPECT_EQ(messages(check_municipalities({m}, {a}, registry(), "config/municipalities")),
              (std::vector<std::string>{
                  "GM0935: [settings] mandate_weeks is not a setting of any workflow it runs",
                  "GM0935: person 'piet' holds unknown role 'stuurgroep' (known roles: "
                  "regisseur, wethouder)",
              }));
}

}  // namespace
}  // namespace okod
