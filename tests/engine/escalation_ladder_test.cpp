// The escalation ladder (issue 20; BRIEF.md: the regisseur reports to a teamleider or
// afdelingshoofd, the alderman is the programme's ambassador and the council is informed
// through the yearly report). Lateness belongs with the regisseur's manager; the
// alderman and the council are informed, never escalated to -- also when a definition
// (a municipality's own, or one written before the ladder) still names the alderman.
#include <algorithm>

#include "support/engine_world.hpp"

namespace okod::test {
namespace {

class EscalationLadder : public EngineWorld {
protected:
    std::vector<OutboxItem> escalations() {
        std::vector<OutboxItem> out;
        for (const auto& o : outbox())
            if (o.kind == OutboxKind::escalation) out.push_back(o);
        return out;
    }
    std::vector<std::string> escalated_people() {
        std::vector<std::string> out;
        for (const auto& o : escalations()) out.push_back(o.person_id);
        return out;
    }
    // Bert's task, due Tuesday 22 March 2022, left undone; its escalation after 7 days
    // falls on Tuesday 29 March, a business day.
    void leave_a_task_late_escalating_to(const std::string& to) {
        give_role("bert", "ggd-contact", d(2022, 1, 1));
        define(single_task("{ date = 2022-03-22 }", "[0]",
                           "  escalate = { after_days = 7, to = \"" + to + "\" }"));
        add_municipality({"single"});
        run_until(d(2022, 3, 29));
    }
};

TEST_F(EscalationLadder, an_escalation_naming_the_alderman_goes_to_the_manager) {
    give_role("anna", "leidinggevende", d(2022, 1, 1));
    give_role("carla", "wethouder", d(2022, 1, 1));
    leave_a_task_late_escalating_to("wethouder");
    const auto sent = escalations();
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].person_id, "anna");
    EXPECT_EQ(sent[0].role, "leidinggevende");
    EXPECT_EQ(format_iso_local(sent[0].created_at), "2022-03-29T09:00:00+02:00");
    for (const auto& o : outbox()) EXPECT_NE(o.person_id, "carla") << to_string(o.kind);
}

TEST_F(EscalationLadder, without_a_manager_the_regisseur_hears_of_it_never_the_alderman) {
    give_role("anna", "regisseur", d(2022, 1, 1));
    give_role("carla", "wethouder", d(2022, 1, 1));
    leave_a_task_late_escalating_to("wethouder");
    const auto outbox_items = outbox();
    EXPECT_TRUE(std::any_of(outbox_items.begin(), outbox_items.end(), [](const OutboxItem& o) {
        return o.person_id == "anna" && o.role == "leidinggevende";
    }));
    for (const auto& o : outbox_items) EXPECT_NE(o.person_id, "carla") << to_string(o.kind);
}

TEST_F(EscalationLadder, other_escalation_targets_are_kept) {
    give_role("anna", "regisseur", d(2022, 1, 1));
    give_role("carla", "leidinggevende", d(2022, 1, 1));
    leave_a_task_late_escalating_to("regisseur");
    EXPECT_EQ(escalated_people(), std::vector<std::string>{"anna"});
}

}  // namespace
}  // namespace okod::test
