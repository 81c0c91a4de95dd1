// The warm hand-over as practised (issue 20), with the shipped workflow and the demo
// Maastricht. The rule, from the programme's practice ("considerable turnover among our
// official contacts" breaks programmes; work is handed over in person) and README, "Warm
// hand-over":
//  - the hand-over file and the hand-over meeting are the leaver's own work: addressed
//    to the leaver personally, due before their last day (10 and 3 days before, on the
//    business day before), and theirs until that day, even when the successor already
//    holds the role;
//  - the morning after the last day, whatever of it is still open goes to the
//    coordinator (the regisseur), never to the successor;
//  - the successor's tasks are their own and name the leaver and the successor;
//  - the successor is welcomed by mail, by name, once, on their first day.
// Dates below are counted from the calendar of October 2022, not read from okod.
#include "daemon/outbox/outbox_sender.hpp"
#include "model/event_kind.hpp"
#include "model/person_record.hpp"
#include "support/demo_world.hpp"

namespace okod::test {
namespace {

constexpr std::string_view kBram = "maastricht-bram";    // the GGD contact who leaves
constexpr std::string_view kNoor = "maastricht-noor";    // who follows him
constexpr std::string_view kSanne = "maastricht-sanne";  // the regisseur

class CapturingTransport final : public MailTransport {
public:
    SendResult send(const MailMessage& m) override {
        sent.push_back(m);
        return {};
    }
    std::vector<MailMessage> sent;
};

class WarmHandover : public DemoWorld {
protected:
    // The 2022 cycle done on time up to Monday 3 October, the day the leave is announced;
    // the survey closed 30 September, so the GGD's feedback task is open.
    void SetUp() override {
        start_turnover_world();
        run_until(at(2022, 10, 3), /*complete_on_time=*/true);
    }

    void name_noor(Date from) {
        RoleAssignment a;
        a.municipality = "GM0935";
        a.role = "ggd-contact";
        a.person_id = std::string(kNoor);
        a.from = from;
        ASSERT_TRUE(engine().assign_role(a, "test").ok);
    }
    // Bram's last day: Monday 31 October 2022.
    void bram_leaves() {
        ASSERT_TRUE(engine()
                        .announce_leave("GM0935", std::string(kBram), "ggd-contact",
                                        day(2022, 10, 31), "maastricht-sanne")
                        .ok);
    }
    // As the browser's hand-over form does it: the successor first (from Monday 10
    // October, three weeks of overlap), then the leave.
    void hand_over_with_overlap() {
        name_noor(day(2022, 10, 10));
        bram_leaves();
    }

    std::string shown(const Text& title) {
        return render_person_refs(title, person_names(store())).nl;
    }
    // The welcome mails that reached Noor (her reminders as GGD contact aside).
    static std::vector<MailMessage> welcomes_sent(const CapturingTransport& transport) {
        std::vector<MailMessage> out;
        for (const auto& m : transport.sent)
            if (m.to_address == "noor.bakker@ggdzl.example" &&
                m.idempotency_key.starts_with("welcome/"))
                out.push_back(m);
        return out;
    }
    std::vector<OutboxItem> welcomes() {
        std::vector<OutboxItem> out;
        for (auto& o : outbox())
            if (o.kind == OutboxKind::welcome) out.push_back(std::move(o));
        return out;
    }
};

TEST_F(WarmHandover, the_leaver_gets_the_handover_work_personally_due_before_the_last_day) {
    hand_over_with_overlap();
    run_until(at(2022, 10, 31, 20));

    const Task file = task("warm-handover", "handover-file");
    const Task meeting = task("warm-handover", "handover-meeting");
    // 31 October minus 10 days is Friday 21 October; minus 3 is Friday 28 October (still
    // summer time: it ends Sunday 30 October).
    EXPECT_EQ(format_iso_local(*file.due), "2022-10-21T17:00:00+02:00");
    EXPECT_EQ(format_iso_local(*meeting.due), "2022-10-28T17:00:00+02:00");
    for (const Task& t : {file, meeting}) {
        EXPECT_EQ(t.person, kBram) << t.key;
        EXPECT_LT(*t.due, at(2022, 10, 31, 0)) << t.key;
        // Both reminders and the overdue notice reach Bram, and only him, though Noor
        // holds the role since 10 October.
        int to_bram = 0;
        for (const auto& o : mail_for(t.id)) {
            EXPECT_NE(o.person_id, kNoor) << t.key << " " << to_string(o.kind);
            if (o.kind == OutboxKind::reminder && o.person_id == kBram) ++to_bram;
        }
        EXPECT_EQ(to_bram, 2) << t.key;
    }
    // Noor's own list (GET /tasks?person=) holds the role's work, not Bram's hand-over.
    TaskFilter noors;
    noors.municipality = "GM0935";
    noors.roles = std::vector<std::string>{"ggd-contact"};
    noors.person_view = std::string(kNoor);
    const auto listed = store().tasks_matching(noors);
    EXPECT_FALSE(listed.empty());
    for (const auto& t : listed) {
        EXPECT_NE(t.id, file.id);
        EXPECT_NE(t.id, meeting.id);
    }
}

TEST_F(WarmHandover,
       after_the_last_day_open_handover_work_goes_to_the_regisseur_not_the_successor) {
    hand_over_with_overlap();
    run_until(at(2022, 11, 15));

    for (const std::string key : {"handover-file", "handover-meeting"}) {
        const Task t = task("warm-handover", key);
        EXPECT_EQ(t.role, "regisseur") << key;
        EXPECT_TRUE(t.person.empty()) << key;
        EXPECT_NE(t.status, TaskStatus::done) << key;
        for (const auto& o : mail_for(t.id)) EXPECT_NE(o.person_id, kNoor) << key;
    }
    const auto handed_on = events(EventKind::task_handed_on);
    ASSERT_EQ(handed_on.size(), 2u);
    for (const auto& e : handed_on) {
        EXPECT_EQ(e.person, kBram);
        EXPECT_EQ(e.role, "regisseur");
        // The morning after the last day, when the hand-over moves on.
        EXPECT_EQ(format_iso_local(e.at), "2022-11-01T09:00:00+01:00");
    }
    // The regisseur's list has them now.
    TaskFilter sannes;
    sannes.municipality = "GM0935";
    sannes.roles = std::vector<std::string>{"regisseur"};
    sannes.person_view = std::string(kSanne);
    int found = 0;
    for (const auto& t : store().tasks_matching(sannes))
        if (t.spec_id == "handover-file" || t.spec_id == "handover-meeting") ++found;
    EXPECT_EQ(found, 2);

    // Noor's own work: reading in, addressed to her, naming both.
    const Task start = task("warm-handover", "successor-start");
    EXPECT_EQ(start.person, kNoor);
    EXPECT_EQ(start.role, "ggd-contact");
    EXPECT_NE(shown(start.title).find("overdracht van Bram Hendriks aan Noor Bakker"),
              std::string::npos)
        << shown(start.title);
}

TEST_F(WarmHandover, the_starter_pack_names_a_successor_known_at_the_announcement) {
    hand_over_with_overlap();
    const Task pack = task("warm-handover", "starter-pack");
    EXPECT_EQ(shown(pack.title),
              "Starterspakket Contactpersoon GGD klaarzetten (overdracht van Bram Hendriks aan "
              "Noor Bakker)");
    EXPECT_EQ(render_person_refs(pack.title, person_names(store())).en,
              "Prepare the starter pack Public health service (GGD) contact (hand-over from Bram "
              "Hendriks to Noor Bakker)");
}

TEST_F(WarmHandover, the_starter_pack_names_a_successor_named_after_the_announcement) {
    bram_leaves();
    EXPECT_EQ(shown(task("warm-handover", "starter-pack").title),
              "Starterspakket Contactpersoon GGD klaarzetten (overdracht van Bram Hendriks aan "
              "de opvolger)");
    clock_->advance_to(at(2022, 10, 5));
    name_noor(day(2022, 11, 1));
    EXPECT_EQ(shown(task("warm-handover", "starter-pack").title),
              "Starterspakket Contactpersoon GGD klaarzetten (overdracht van Bram Hendriks aan "
              "Noor Bakker)");
}

TEST_F(WarmHandover, the_successor_is_welcomed_once_by_name_on_the_first_day_with_links) {
    hand_over_with_overlap();
    // okod looks again (an assignment saved twice, a restart): still one welcome.
    name_noor(day(2022, 10, 10));
    engine().plan(*store().municipality("GM0935"));
    ASSERT_EQ(welcomes().size(), 1u);
    EXPECT_EQ(welcomes()[0].person_id, kNoor);
    EXPECT_EQ(welcomes()[0].role, "ggd-contact");
    // Her first day, at okod's reminder time (09:00).
    ASSERT_TRUE(welcomes()[0].next_attempt_at);
    EXPECT_EQ(format_iso_local(*welcomes()[0].next_attempt_at), "2022-10-10T09:00:00+02:00");

    OutboxSender sender(store(), runtime_->definitions, *clock_,
                        MailIdentity{"oko@maastricht.example", "OKO Maastricht"},
                        RetryPolicy{std::chrono::seconds{60}, std::chrono::seconds{600}});
    sender.set_links({"https://oko.maastricht.example", "", std::chrono::days{30}});
    CapturingTransport transport;
    auto to_noor = [&] { return welcomes_sent(transport); };
    sender.deliver_ready(transport);
    EXPECT_TRUE(to_noor().empty());  // not before her first day

    for (const auto when : {at(2022, 10, 10, 10), at(2022, 10, 11, 10)}) {
        run_until(when);
        sender.deliver_ready(transport);
    }
    ASSERT_EQ(to_noor().size(), 1u);
    const MailMessage welcome = to_noor()[0];
    EXPECT_NE(welcome.subject.find("Welkom"), std::string::npos) << welcome.subject;
    EXPECT_NE(welcome.subject.find("Noor Bakker"), std::string::npos) << welcome.subject;
    EXPECT_NE(welcome.text.find("Beste Noor Bakker,"), std::string::npos) << welcome.text;
    EXPECT_NE(welcome.text.find("Bram Hendriks"), std::string::npos) << welcome.text;
    EXPECT_NE(welcome.text.find("Contactpersoon GGD"), std::string::npos) << welcome.text;
    // Her first task, the GGD's feedback, with its link into the dashboard; not Bram's
    // hand-over file.
    const Task feedback = task("oko-cycle", "results-first");
    EXPECT_NE(
        welcome.text.find(fmt::format("https://oko.maastricht.example/#/taak/{}\n", feedback.id)),
        std::string::npos)
        << welcome.text;
    EXPECT_EQ(welcome.text.find("Overdrachtsdossier"), std::string::npos) << welcome.text;
    EXPECT_EQ(welcomes()[0].status, OutboxStatus::sent);
}

TEST_F(WarmHandover, a_successor_who_reads_english_is_welcomed_in_english) {
    ASSERT_TRUE(engine()
                    .save_person({std::string(kNoor), "Noor Bakker", "noor.bakker@ggdzl.example",
                                  Language::en},
                                 "test")
                    .ok);
    name_noor(day(2022, 10, 3));  // started already: welcomed when the leave is announced
    bram_leaves();
    ASSERT_EQ(welcomes().size(), 1u);
    EXPECT_FALSE(welcomes()[0].next_attempt_at);
    OutboxSender sender(store(), runtime_->definitions, *clock_,
                        MailIdentity{"oko@maastricht.example", "OKO Maastricht"},
                        RetryPolicy{std::chrono::seconds{60}, std::chrono::seconds{600}});
    CapturingTransport transport;
    sender.deliver_ready(transport);
    const auto sent = welcomes_sent(transport);
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_NE(sent[0].subject.find("Welcome, Noor Bakker"), std::string::npos) << sent[0].subject;
    EXPECT_NE(sent[0].text.find("from Bram Hendriks"), std::string::npos) << sent[0].text;
}

}  // namespace
}  // namespace okod::test
