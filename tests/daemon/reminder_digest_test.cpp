// One mail per person per day (issue 20: "each content meeting of the execution plan
// reminds every kernteam member three times"). The rule, from the issue: when several
// reminders for one person fall on the same day (Europe/Amsterdam) they go out as one
// mail listing every task, earliest deadline first; a single reminder that day stays the
// single-reminder mail; nothing lost and nothing twice, also across a crash; a task done
// before the mail goes out is not in it.
//
// The dates below are worked out by hand from the README's reminder rule (at 09:00, the
// lead time's number of days before the deadline, moved back to a business day):
// Friday 30 September 2022 minus 3 days and Monday 3 October 2022 minus 6 days are both
// Tuesday 27 September; minus 5 days from 3 October is Wednesday 28 September.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "model/event_kind.hpp"
#include "support/delivery_world.hpp"

namespace okod::test {
namespace {

// Two tasks of the GGD contact and one of the school contact, around one meeting.
std::string meeting(const std::string& second_remind_days = "[6]") {
    return R"(
id = "overleg"
version = 1
initial = "voorbereiden"
name = { nl = "Inhoudelijk overleg", en = "Content meeting" }
[start]
at = "trajectory_start"

[[states]]
id = "voorbereiden"
name = { nl = "Voorbereiding", en = "Preparation" }
  [[states.tasks]]
  id = "agenda"
  title = { nl = "Agenda van het overleg opstellen", en = "Draft the meeting's agenda" }
  role = "ggd-contact"
  due = { date = 2022-09-30 }
  remind_days = [3]

  [[states.tasks]]
  id = "cijfers"
  title = { nl = "Cijfers voor het overleg aanleveren", en = "Send the figures for the meeting" }
  role = "ggd-contact"
  due = { date = 2022-10-03 }
  remind_days = )" +
           second_remind_days + R"(

  [[states.tasks]]
  id = "zaal"
  title = { nl = "Zaal op school regelen", en = "Book a room at school" }
  role = "school-contact"
  due = { date = 2022-09-30 }
  remind_days = [3]

[[states]]
id = "klaar"
name = { nl = "Klaar" }
final = true

[[transitions]]
from = "voorbereiden"
to = "klaar"
on = "all_tasks_done"
)";
}

constexpr const char* kAgenda = "Agenda van het overleg opstellen";
constexpr const char* kFigures = "Cijfers voor het overleg aanleveren";
constexpr const char* kRoom = "Zaal op school regelen";

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class ReminderDigest : public DeliveryWorld {
protected:
    // Lives until the morning of 27 September and decides its 09:00 reminders; none is
    // delivered yet.
    void decide_the_27th() {
        live_until(d(2022, 9, 26));
        clock_.advance_to(at_local(d(2022, 9, 27), TimeOfDay{9 * 60}));
        while (engine().step()) {
        }
    }

    std::vector<Sent> sent_to(const std::string& address) const {
        std::vector<Sent> out;
        for (const auto& s : transport_.sent)
            if (s.message.to_address == address) out.push_back(s);
        return out;
    }
};

TEST_F(ReminderDigest, TwoRemindersOfOnePersonOnOneDayComeAsOneMailWithBothByDeadline) {
    define(meeting());
    add_municipality({"overleg"});
    give_role("carla", "ggd-contact", d(2022, 1, 1));
    give_role("anna", "school-contact", d(2022, 1, 1));

    live_until(d(2022, 9, 29));

    const auto carla = sent_to("carla@example.org");
    ASSERT_EQ(carla.size(), 1u) << ::testing::PrintToString(deliveries());
    EXPECT_EQ(format_local_minutes(carla[0].at), "2022-09-27 09:00");
    const MailMessage& m = carla[0].message;
    EXPECT_EQ(m.subject, "[OKO Maastricht] Herinnering: 2 taken – eerste deadline vr 30 sep 2022");
    ASSERT_TRUE(has(m.text, kAgenda) && has(m.text, kFigures)) << m.text;
    EXPECT_LT(m.text.find(kAgenda), m.text.find(kFigures)) << "earliest deadline first";
    EXPECT_FALSE(has(m.text, kRoom)) << "Anna's task is not Carla's";
    // How far ahead, in words, from the day the mail comes (27 September).
    EXPECT_TRUE(has(m.text, "vrijdag 30 september 2022 om 17:00 (over 3 dagen)")) << m.text;
    EXPECT_TRUE(has(m.text, "maandag 3 oktober 2022 om 17:00 (over 6 dagen)")) << m.text;
    EXPECT_TRUE(has(m.text, "Gemeente: Maastricht (GM0935)")) << m.text;
    EXPECT_TRUE(has(m.text, "Je rol: Contactpersoon GGD")) << m.text;
    EXPECT_TRUE(has(m.text, "voor je open")) << m.text;  // a colleague: "je"
    EXPECT_FALSE(has(m.text, " u ")) << m.text;

    // Anna has one reminder that day: the single-reminder mail, as before.
    const auto anna = sent_to("anna@example.org");
    ASSERT_EQ(anna.size(), 1u);
    EXPECT_TRUE(has(anna[0].message.subject, std::string("Herinnering: ") + kRoom))
        << anna[0].message.subject;

    // Each reminder is still its own row in the outbox and its own line in the event
    // log; Carla's two were sent in one digest.
    const auto rows = outbox();
    ASSERT_EQ(rows.size(), 3u);
    std::set<std::optional<std::int64_t>> digests;
    for (const auto& o : rows) {
        EXPECT_EQ(o.status, OutboxStatus::sent) << o.key;
        if (o.person_id == "carla") digests.insert(o.digest_id);
    }
    ASSERT_EQ(digests.size(), 1u);
    EXPECT_TRUE(digests.begin()->has_value());
    EXPECT_EQ(events(EventKind::reminder).size(), 3u);
}

TEST_F(ReminderDigest, ARoleHeldByTwoPeopleGivesEachOneDigestInTheirOwnLanguage) {
    define(meeting());
    add_municipality({"overleg"});
    give_role("carla", "ggd-contact", d(2022, 1, 1));
    give_role("bert", "ggd-contact", d(2022, 1, 1));  // Bert reads English

    live_until(d(2022, 9, 29));

    ASSERT_EQ(sent_to("carla@example.org").size(), 1u);
    const auto bert = sent_to("bert@example.org");
    ASSERT_EQ(bert.size(), 1u);
    const MailMessage& m = bert[0].message;
    EXPECT_EQ(m.subject, "[OKO Maastricht] Reminder: 2 tasks – first due Fri 30 Sep 2022");
    EXPECT_TRUE(has(m.text, "Draft the meeting's agenda")) << m.text;
    EXPECT_TRUE(has(m.text, "Send the figures for the meeting")) << m.text;
    EXPECT_TRUE(has(m.text, "(in 3 days)")) << m.text;
    EXPECT_EQ(transport_.sent.size(), 2u);
    EXPECT_NE(m.message_id, sent_to("carla@example.org")[0].message.message_id);
}

TEST_F(ReminderDigest, RemindersOnDifferentDaysStaySingleMails) {
    define(meeting("[5]"));  // the figures' reminder now comes on 28 September
    add_municipality({"overleg"});
    give_role("carla", "ggd-contact", d(2022, 1, 1));

    live_until(d(2022, 9, 29));

    EXPECT_EQ(deliveries(), (std::vector<std::string>{"2022-09-27 09:00 carla@example.org",
                                                      "2022-09-28 09:00 carla@example.org"}));
    ASSERT_EQ(transport_.sent.size(), 2u);
    EXPECT_EQ(transport_.sent[0].message.subject, std::string("[OKO Maastricht] Herinnering: ") +
                                                      kAgenda + " – deadline vr 30 sep 2022");
    EXPECT_FALSE(has(transport_.sent[0].message.text, kFigures));
    EXPECT_TRUE(has(transport_.sent[1].message.subject, kFigures));
    for (const auto& o : outbox()) EXPECT_FALSE(o.digest_id.has_value()) << o.key;
}

TEST_F(ReminderDigest, ATaskDoneBeforeTheDigestGoesOutIsLeftOutOfIt) {
    define(meeting());
    add_municipality({"overleg"});
    give_role("carla", "ggd-contact", d(2022, 1, 1));
    transport_.failures = 1000;  // the mail server is down on the morning of 27 September
    decide_the_27th();
    sender().deliver_ready(transport_, 1);  // tried once, formed, not delivered
    ASSERT_TRUE(transport_.sent.empty());
    ASSERT_TRUE(engine().complete_task(task("cijfers").id, "carla").ok);  // done meanwhile

    transport_.failures = 0;
    live_until(d(2022, 9, 27));

    ASSERT_EQ(transport_.sent.size(), 1u);
    const MailMessage& m = transport_.sent[0].message;
    EXPECT_TRUE(has(m.text, kAgenda)) << m.text;
    EXPECT_FALSE(has(m.text, kFigures)) << "no reminder for done work: " << m.text;
    std::map<std::string, OutboxStatus> status;
    for (const auto& o : outbox()) status[o.key.substr(0, o.key.find('/'))] = o.status;
    EXPECT_EQ(status[std::to_string(task("agenda").id)], OutboxStatus::sent);
    EXPECT_EQ(status[std::to_string(task("cijfers").id)], OutboxStatus::obsolete);
}

// A crash after the server accepted the digest and before okod recorded it: the
// restarted sender sends the same digest again, with the same rows and the same
// Message-ID (mail programs show it once), and nothing more; a reminder that comes
// for the same person later that day goes in a mail of its own, never into a digest
// that may already have been delivered.
TEST_F(ReminderDigest, ACrashBeforeTheDigestIsRecordedResendsTheSameMessageOnce) {
    define(meeting());
    add_municipality({"overleg"});
    give_role("carla", "ggd-contact", d(2022, 1, 1));
    give_role("anna", "school-contact", d(2022, 1, 1));
    decide_the_27th();

    std::vector<MailMessage> received;
    MailMessage digest;
    for (int guard = 0; guard < 3 && digest.message_id.empty(); ++guard) {
        // The first life: sends Carla's digest and crashes before recording it.
        auto delivery = sender().next_ready();
        ASSERT_TRUE(delivery.has_value());
        received.push_back(delivery->message);
        if (delivery->digest.empty()) {
            sender().record(*delivery, {});  // Anna's single reminder: recorded
            continue;
        }
        ASSERT_EQ(delivery->digest.size(), 2u);
        digest = delivery->message;
    }
    ASSERT_FALSE(digest.message_id.empty());
    sender_.reset();  // kill -9: what the store holds is all that is left
    // Later that day another reminder for Carla is decided (the room task handed to
    // her, say): a row of its own in the outbox.
    OutboxItem later;
    later.key = "later";
    later.created_at = clock_.now() + std::chrono::minutes{5};
    later.municipality = "GM0935";
    later.task_id = task("zaal").id;
    later.kind = OutboxKind::reminder;
    later.role = "school-contact";
    later.person_id = "carla";
    later.recipient = "carla@example.org";
    later.lead_days = 3;
    later.due = task("zaal").due;
    ASSERT_TRUE(store_->enqueue(later));

    live_until(d(2022, 9, 27));  // the second life
    for (const auto& s : transport_.sent) received.push_back(s.message);

    std::map<std::string, int> per_message_id;
    for (const auto& m : received) ++per_message_id[m.message_id];
    EXPECT_EQ(received.size(), 4u);  // Anna's, the digest twice, the later one
    EXPECT_EQ(per_message_id.size(), 3u);
    EXPECT_EQ(per_message_id[digest.message_id], 2) << "the digest again, recognisably";
    int later_mails = 0;
    for (const auto& m : received) {
        if (m.message_id == digest.message_id) {
            EXPECT_EQ(m.text, digest.text);
        } else if (m.to_address == "carla@example.org") {
            ++later_mails;
            EXPECT_TRUE(has(m.subject, kRoom)) << m.subject;
            EXPECT_FALSE(has(m.text, kAgenda)) << "the digest's tasks are not repeated";
        }
    }
    EXPECT_EQ(later_mails, 1);
    for (const auto& o : outbox()) EXPECT_EQ(o.status, OutboxStatus::sent) << o.key;
}

}  // namespace
}  // namespace okod::test
