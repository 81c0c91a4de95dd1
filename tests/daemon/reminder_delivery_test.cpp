// Reminders by role, end to end on the virtual clock (support/delivery_world.hpp).
#include <gtest/gtest.h>

#include "model/event_kind.hpp"
#include "support/delivery_world.hpp"

namespace okod::test {
namespace {

const char* kSurvey = R"(
id = "survey"
version = 1
initial = "monitoring"
name = { nl = "OKO-cyclus", en = "OKO cycle" }
[start]
at = "trajectory_start"

[[states]]
id = "monitoring"
name = { nl = "Monitoring", en = "Monitoring" }
  [[states.tasks]]
  id = "survey"
  title = { nl = "Jeugdmonitor afnemen", en = "Run the youth survey" }
  role = "ggd-contact"
  due = { date = 2022-09-30 }
  remind_days = [14, 3, 0]
  escalate = { after_days = 7, to = "regisseur" }

[[states]]
id = "done"
name = { nl = "Klaar" }
final = true

[[transitions]]
from = "monitoring"
to = "done"
on = "all_tasks_done"
)";

class ReminderDelivery : public DeliveryWorld {};

TEST_F(ReminderDelivery, RemindsTheRoleHolderAtEachLeadTimeThenEscalatesToTheRegisseur) {
    define(kSurvey);
    add_municipality({"survey"});
    give_role("carla", "ggd-contact", d(2022, 1, 1));
    give_role("anna", "regisseur", d(2022, 1, 1));

    live_until(d(2022, 10, 31));

    EXPECT_EQ(deliveries(), (std::vector<std::string>{
                                "2022-09-16 09:00 carla@example.org",  // 14 days ahead
                                "2022-09-27 09:00 carla@example.org",  // 3 days ahead
                                "2022-09-30 09:00 carla@example.org",  // on the day
                                "2022-09-30 17:00 carla@example.org",  // overdue notice
                                "2022-10-07 09:00 anna@example.org",   // 7 days overdue
                            }));
    const auto& first = transport_.sent.front().message;
    EXPECT_NE(first.subject.find("Maastricht"), std::string::npos) << first.subject;
    EXPECT_NE(first.subject.find("Jeugdmonitor afnemen"), std::string::npos) << first.subject;
    EXPECT_NE(first.text.find("30 september 2022"), std::string::npos) << first.text;
    EXPECT_NE(first.text.find("Monitoring"), std::string::npos) << first.text;
    EXPECT_NE(first.text.find("Contactpersoon GGD"), std::string::npos) << first.text;
    EXPECT_EQ(first.from_address, "oko@maastricht.nl");
    for (const auto& o : outbox()) EXPECT_EQ(o.status, OutboxStatus::sent) << o.key;
}

TEST_F(ReminderDelivery, ARoleHandedOverSendsTheNextReminderToTheNewHolderInTheirLanguage) {
    define(kSurvey);
    add_municipality({"survey"});
    give_role("carla", "ggd-contact", d(2022, 1, 1), d(2022, 9, 20));
    give_role("bert", "ggd-contact", d(2022, 9, 21));  // Bert reads English
    give_role("anna", "regisseur", d(2022, 1, 1));

    live_until(d(2022, 9, 30));

    ASSERT_GE(transport_.sent.size(), 3u);
    EXPECT_EQ(transport_.sent[0].message.to_address, "carla@example.org");
    EXPECT_EQ(transport_.sent[1].message.to_address, "bert@example.org");
    EXPECT_EQ(transport_.sent[2].message.to_address, "bert@example.org");
    EXPECT_NE(transport_.sent[1].message.text.find("Run the youth survey"), std::string::npos)
        << transport_.sent[1].message.text;
    EXPECT_EQ(transport_.sent[0].message.text.find("Run the youth survey"), std::string::npos);
}

TEST_F(ReminderDelivery, AVacantRoleAlertsTheRegisseurInsteadOfDroppingTheReminder) {
    define(kSurvey);
    add_municipality({"survey"});
    give_role("anna", "regisseur", d(2022, 1, 1));  // nobody is GGD contact

    live_until(d(2022, 9, 16));

    ASSERT_EQ(transport_.sent.size(), 1u);
    const auto& m = transport_.sent.front().message;
    EXPECT_EQ(m.to_address, "anna@example.org");
    EXPECT_NE(m.text.find("Contactpersoon GGD"), std::string::npos) << m.text;  // the vacant role
    EXPECT_NE(m.text.find("Jeugdmonitor afnemen"), std::string::npos) << m.text;
    EXPECT_EQ(outbox().front().kind, OutboxKind::vacancy);
}

TEST_F(ReminderDelivery, AFailedDeliveryIsRetriedWithBackoffAndSentOnce) {
    define(kSurvey);
    add_municipality({"survey"});
    give_role("carla", "ggd-contact", d(2022, 1, 1));
    transport_.failures = 2;  // the mail server is down for the first two attempts

    live_until(d(2022, 9, 16));

    ASSERT_EQ(transport_.sent.size(), 1u);
    // Tried at 09:00, 09:01 (after 60 s), then 09:03 (after 120 s more).
    EXPECT_EQ(format_iso_local(transport_.sent.front().at), "2022-09-16T09:03:00+02:00");
    const auto items = outbox();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].status, OutboxStatus::sent);
    EXPECT_EQ(items[0].attempts, 3);
    EXPECT_NE(items[0].last_error.find("Connection refused"), std::string::npos);
}

TEST_F(ReminderDelivery, AMailServerDownForDaysCostsNoReminder) {
    define(kSurvey);
    add_municipality({"survey"});
    give_role("carla", "ggd-contact", d(2022, 1, 1));
    transport_.failures = 1000;  // down from 16 September, 09:00, for three days and more

    live_until(d(2022, 9, 19));

    auto items = outbox();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].status, OutboxStatus::pending);  // no dead letter by count alone
    EXPECT_GT(items[0].attempts, 300);                  // every 10 minutes at most (the cap)
    EXPECT_TRUE(events(EventKind::mail_undeliverable).empty());

    transport_.failures = 0;  // back on Monday
    live_until(d(2022, 9, 20));

    ASSERT_EQ(transport_.sent.size(), 1u);
    EXPECT_EQ(transport_.sent[0].message.to_address, "carla@example.org");
    items = outbox();
    EXPECT_EQ(items[0].status, OutboxStatus::sent);
}

TEST_F(ReminderDelivery, AReminderOfATaskClosedDuringAnOutageIsObsoleteNotSent) {
    define(kSurvey);
    add_municipality({"survey"});
    give_role("carla", "ggd-contact", d(2022, 1, 1));
    transport_.failures = 1000;
    live_until(d(2022, 9, 17));
    ASSERT_TRUE(engine().complete_task(task("survey").id, "carla").ok);  // done meanwhile

    transport_.failures = 0;
    live_until(d(2022, 9, 18));

    EXPECT_TRUE(transport_.sent.empty());
    const auto items = outbox();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].status, OutboxStatus::obsolete);
    EXPECT_NE(items[0].last_error.find("the task was done on 2022-09-17"), std::string::npos)
        << items[0].last_error;
}

TEST_F(ReminderDelivery, APermanentRejectionIsNotRetried) {
    define(kSurvey);
    add_municipality({"survey"});
    give_role("carla", "ggd-contact", d(2022, 1, 1));
    transport_.reject = true;

    live_until(d(2022, 9, 16));

    const auto items = outbox();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].status, OutboxStatus::dead);
    EXPECT_EQ(items[0].attempts, 1);
    EXPECT_NE(items[0].last_error.find("550"), std::string::npos);
}

TEST_F(ReminderDelivery, APersonWithoutAnAddressIsADeadLetterAtOnceNotASilentDrop) {
    define(kSurvey);
    add_municipality({"survey"});
    store_->upsert_person({"dirk", "Dirk", "", Language::nl});
    give_role("dirk", "ggd-contact", d(2022, 1, 1));

    live_until(d(2022, 9, 16));

    EXPECT_TRUE(transport_.sent.empty());
    const auto items = outbox();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].status, OutboxStatus::dead);
    EXPECT_NE(items[0].last_error.find("no e-mail address"), std::string::npos);
}

}  // namespace
}  // namespace okod::test

namespace okod::test {
namespace {

TEST_F(ReminderDelivery,
       AfterDowntimeStaleRemindersFoldIntoTheOverdueNoticeWhichGoesOutOnceMarkedLate) {
    define(kSurvey);
    add_municipality({"survey"});
    give_role("carla", "ggd-contact", d(2022, 1, 1));
    give_role("anna", "regisseur", d(2022, 1, 1));
    live_until(d(2022, 9, 15));  // before the first reminder (16 September)

    // okod is down from 15 September until 3 October: the 14-day, 3-day and same-day
    // reminders and the overdue moment all pass while nobody is watching.
    clock_.advance_to(at_local(d(2022, 10, 3), TimeOfDay{10 * 60}));
    live_until(d(2022, 10, 31));

    std::vector<std::string> kinds;
    for (const auto& o : outbox())
        kinds.push_back(std::string(to_string(o.kind)) + (o.late ? " (late)" : ""));
    EXPECT_EQ(kinds, (std::vector<std::string>{"overdue (late)", "escalation"}));
    ASSERT_EQ(transport_.sent.size(), 2u);
    EXPECT_EQ(format_local_minutes(transport_.sent[0].at), "2022-10-03 10:00");
    EXPECT_NE(transport_.sent[0].message.text.find("later dan gepland"), std::string::npos)
        << transport_.sent[0].message.text;
}

}  // namespace
}  // namespace okod::test
