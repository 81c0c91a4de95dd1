// okod writes the yearly report itself, ahead of the municipality's due date: demo
// Maastricht (report_due 15 October) on the virtual clock, with the shipped council-report
// workflow, the real outbox sender and the report attacher. The regisseur's reminders
// carry okod's draft (and it lies in the reports directory); the escalation to the
// wethouder does not.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "adapters/report/report_words.hpp"
#include "daemon/outbox/annual_report_attacher.hpp"
#include "daemon/outbox/outbox_sender.hpp"
#include "report/report_year.hpp"
#include "support/demo_world.hpp"
#include "support/recording_transport.hpp"

namespace okod::test {
namespace {

std::string long_day(Instant t) { return report_words::long_date(local_date(t), Language::nl); }

class ReportDelivery : public DemoWorld {
protected:
    virtual void configure() {}
    virtual Instant live_from() { return at(2026, 9, 1); }
    void SetUp() override {
        configure();
        start(at(2022, 1, 1, 0));
        runtime_->config.reports.dir = dir_ / "reports";
        runtime_->config.reports.pdf = false;
        // A programme that runs well until the summer of 2026; then the report is due.
        run_until(live_from(), true);
        transport_ = std::make_unique<RecordingTransport>(*clock_);
        attacher_ = std::make_unique<AnnualReportAttacher>(store(), runtime_->definitions,
                                                           runtime_->config);
        sender_ = std::make_unique<OutboxSender>(
            store(), runtime_->definitions, *clock_,
            MailIdentity{"oko@maastricht.nl", "OKO Maastricht"},
            RetryPolicy{std::chrono::seconds{60}, std::chrono::seconds{600}});
        sender_->set_attacher(attacher_.get());
        sender_->deliver_ready(*transport_);  // what the years before left in the outbox
        transport_->sent.clear();
    }

    // The daemon's loop: engine timers and outbox attempts in time order.
    void live_until(Instant end) {
        for (int guard = 0; guard < 100000; ++guard) {
            std::optional<Instant> next = engine().next_due();
            const auto outbox_next = sender_->next_attempt();
            if (outbox_next && (!next || *outbox_next < *next)) next = outbox_next;
            if (!next || *next > end) break;
            clock_->advance_to(*next);
            while (engine().step()) {
            }
            sender_->deliver_ready(*transport_);
        }
        clock_->advance_to(end);
    }

    // The mails about the council report of 2026, in the order they went.
    std::vector<Sent> council_report_mails() {
        std::vector<Sent> out;
        for (const auto& s : transport_->sent)
            if (s.message.subject.find("Jaarrapportage") != std::string::npos) out.push_back(s);
        return out;
    }

    static const MailAttachment* attachment(const MailMessage& m, const std::string& name) {
        for (const auto& a : m.attachments)
            if (a.filename == name) return &a;
        return nullptr;
    }

    std::unique_ptr<RecordingTransport> transport_;
    std::unique_ptr<AnnualReportAttacher> attacher_;
    std::unique_ptr<OutboxSender> sender_;
};

TEST_F(ReportDelivery, the_regisseur_gets_okods_draft_report_five_weeks_before_the_due_date) {
    live_until(at(2026, 9, 10, 12));
    const auto mails = council_report_mails();
    ASSERT_EQ(mails.size(), 1u);
    const auto& first = mails.front();
    // The draft task is due three weeks before 15 October; its first reminder two weeks
    // before that, at 09:00.
    EXPECT_EQ(format_local_minutes(first.at), "2026-09-10 09:00");
    EXPECT_EQ(first.message.to_address, "sanne.vermeulen@maastricht.example");
    EXPECT_NE(first.message.subject.find("Herinnering: Jaarrapportage opstellen"),
              std::string::npos)
        << first.message.subject;

    const auto* html = attachment(first.message, "jaarrapportage-GM0935-2026.html");
    ASSERT_NE(html, nullptr);
    EXPECT_EQ(html->content_type, "text/html; charset=UTF-8");
    EXPECT_NE(html->data.find("<h1>Jaarrapportage OKO 2026 – Maastricht</h1>"), std::string::npos);
    EXPECT_NE(html->data.find("Concept-jaarplan"), std::string::npos);
    EXPECT_NE(first.message.text.find(
                  "okods concept-jaarrapportage 2026 met de stand van 10 september 2026"),
              std::string::npos)
        << first.message.text;
    EXPECT_NE(first.message.text.find("okoctl report annual --municipality GM0935 --year 2026"),
              std::string::npos);

    // The same report lies in the reports directory, as HTML and Markdown.
    EXPECT_EQ(read_file(dir_ / "reports/jaarrapportage-GM0935-2026.html"), html->data);
    EXPECT_NE(read_file(dir_ / "reports/jaarrapportage-GM0935-2026.md")
                  .find("# Jaarrapportage OKO 2026 – Maastricht"),
              std::string::npos);
    EXPECT_FALSE(
        std::filesystem::exists(dir_ / "reports/jaarrapportage-GM0935-2026.pdf"));  // pdf = false
}

// okod itself does not build the report where it picks the mail (its strand, where
// every timer waits), but orders it there and builds it on the mail thread.
TEST_F(ReportDelivery, an_ordered_report_is_built_only_where_the_mail_is_sent) {
    OutboxSender ordering(store(), runtime_->definitions, *clock_,
                          MailIdentity{"oko@maastricht.nl", "OKO Maastricht"},
                          RetryPolicy{std::chrono::seconds{60}, std::chrono::seconds{600}});
    ordering.order_reports();
    live_until(at(2026, 9, 10, 8));
    clock_->advance_to(at(2026, 9, 10, 12));
    while (engine().step()) {
    }
    std::optional<Delivery> mail;
    for (int i = 0; i < 100 && !mail; ++i) {
        auto d = ordering.next_ready();
        if (!d) break;
        if (d->message.subject.find("Jaarrapportage") != std::string::npos)
            mail = std::move(d);
        else
            ordering.record(*d, {});
    }
    ASSERT_TRUE(mail);
    const auto html_file = dir_ / "reports/jaarrapportage-GM0935-2026.html";
    ASSERT_TRUE(mail->report);
    EXPECT_TRUE(mail->message.attachments.empty());
    EXPECT_FALSE(std::filesystem::exists(html_file));

    attach_ordered_report(*mail, *attacher_);
    EXPECT_FALSE(mail->report);
    const auto* html = attachment(mail->message, "jaarrapportage-GM0935-2026.html");
    ASSERT_NE(html, nullptr);
    EXPECT_NE(mail->message.text.find(
                  "okods concept-jaarrapportage 2026 met de stand van 10 september 2026"),
              std::string::npos)
        << mail->message.text;
    EXPECT_EQ(read_file(html_file), html->data);
}

TEST_F(ReportDelivery,
       every_reminder_up_to_the_due_date_carries_the_latest_draft_and_the_escalation_none) {
    live_until(at(2026, 10, 16));
    std::map<std::string, int> per_key;
    for (const auto& s : transport_->sent) ++per_key[s.message.idempotency_key];
    for (const auto& [key, n] : per_key) EXPECT_EQ(n, 1) << key;  // nothing twice

    std::vector<std::string> seen;
    for (const auto& s : council_report_mails()) {
        const bool to_regisseur = s.message.to_address == "sanne.vermeulen@maastricht.example";
        const bool escalation = s.message.subject.find("Escalatie") != std::string::npos;
        seen.push_back(format_local_minutes(s.at) + (escalation ? " escalatie" : "") +
                       (s.message.attachments.empty() ? "" : " +rapport"));
        if (escalation) {
            EXPECT_FALSE(to_regisseur);
            EXPECT_TRUE(s.message.attachments.empty())
                << "a draft is for its author, not for the wethouder";
        } else {
            EXPECT_TRUE(to_regisseur) << s.message.to_address;
            ASSERT_EQ(s.message.attachments.size(), 1u) << s.message.subject;
            // Made that day: the note names the day the mail went.
            EXPECT_NE(s.message.text.find("met de stand van " + long_day(s.at)), std::string::npos)
                << s.message.text;
        }
    }
    // Draft: 14, 3 and 0 days before 24 September, the overdue notice, the escalation
    // a week later; sending: 7 days before 15 October, on the day, and overdue.
    EXPECT_EQ(seen,
              (std::vector<std::string>{"2026-09-10 09:00 +rapport", "2026-09-21 09:00 +rapport",
                                        "2026-09-24 09:00 +rapport", "2026-09-24 17:00 +rapport",
                                        "2026-10-01 09:00 escalatie", "2026-10-08 09:00 +rapport",
                                        "2026-10-15 09:00 +rapport", "2026-10-15 17:00 +rapport"}));
}

TEST_F(ReportDelivery, a_report_due_in_spring_looks_back_on_the_year_before) {
    Task task;
    task.municipality = "GM0935";
    task.due = at(2027, 5, 15, 17);
    const auto spring = attacher_->attach(task, annual_report_year(local_date(*task.due)),
                                          Language::en, at(2027, 4, 10));
    ASSERT_TRUE(spring);
    ASSERT_EQ(spring->files.size(), 1u);
    EXPECT_EQ(spring->files[0].filename, "annual-report-GM0935-2026.html");
    EXPECT_NE(spring->files[0].data.find("OKO yearly report 2026"), std::string::npos);
    EXPECT_NE(spring->note.find("okod's draft yearly report 2026 as of 10 April 2027"),
              std::string::npos)
        << spring->note;
    EXPECT_TRUE(std::filesystem::exists(dir_ / "reports/annual-report-GM0935-2026.html"));
}

TEST(AnnualReportYear, a_report_due_before_july_looks_back_on_the_year_before) {
    EXPECT_EQ(annual_report_year(day(2026, 6, 30)), 2025);
    EXPECT_EQ(annual_report_year(day(2026, 7, 1)), 2026);
    EXPECT_EQ(annual_report_year(day(2026, 1, 15)), 2025);
    EXPECT_EQ(annual_report_year(day(2026, 12, 31)), 2026);
}

// Maastricht reports on 10 July: the draft is due in June, yet its reminders carry the
// report of the year the council gets in July, not the year before.
class ReportDueInJuly : public ReportDelivery {
protected:
    void configure() override {
        edit_maastricht("report_due = \"10-15\"", "report_due = \"07-10\"");
    }
    Instant live_from() override { return at(2026, 5, 15); }
};

TEST_F(ReportDueInJuly, every_task_around_the_report_attaches_the_year_of_its_sending_day) {
    live_until(at(2026, 7, 11));
    int drafts = 0;
    for (const auto& s : council_report_mails()) {
        if (s.message.attachments.empty()) continue;
        EXPECT_EQ(s.message.attachments[0].filename, "jaarrapportage-GM0935-2026.html")
            << s.message.subject;
        if (s.message.subject.find("opstellen") != std::string::npos &&
            local_date(s.at) < day(2026, 7, 1))
            ++drafts;
    }
    EXPECT_GT(drafts, 0);  // a June reminder for the draft was among them
}

// Whatever keeps the report from being written, the reminder goes, with it attached.
TEST_F(ReportDelivery,
       a_reports_directory_that_cannot_be_made_still_sends_the_reminder_with_the_report) {
    write_file(dir_ / "not-a-dir", "x");
    runtime_->config.reports.dir = dir_ / "not-a-dir" / "reports";
    live_until(at(2026, 9, 10, 12));
    const auto mails = council_report_mails();
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_EQ(mails[0].message.attachments.size(), 1u);
}

// A mail gateway that takes no attachments: the reminder goes again at once without.
class NoAttachmentsTransport final : public MailTransport {
public:
    SendResult send(const MailMessage& m) override {
        attempts.push_back(m);
        if (!m.attachments.empty())
            return {SendResult::Outcome::rejected, "552 5.3.4 message too big"};
        return {};
    }
    std::vector<MailMessage> attempts;
};

TEST_F(ReportDelivery, a_server_that_refuses_attachments_still_gets_the_reminder_without_them) {
    clock_->advance_to(at(2026, 9, 10, 9));
    while (engine().step()) {
    }
    NoAttachmentsTransport refusing;
    sender_->deliver_ready(refusing);
    std::vector<MailMessage> about_report;
    for (const auto& m : refusing.attempts)
        if (m.subject.find("Jaarrapportage") != std::string::npos) about_report.push_back(m);
    ASSERT_EQ(about_report.size(), 2u);
    EXPECT_EQ(about_report[0].attachments.size(), 1u);
    EXPECT_TRUE(about_report[1].attachments.empty());
    EXPECT_NE(about_report[1].text.find("De mailserver nam de bijlage niet aan"),
              std::string::npos);
    EXPECT_EQ(about_report[1].message_id, about_report[0].message_id);
    for (const auto& item : outbox()) {
        if (item.task_id == task("council-report", "draft").id) {
            EXPECT_EQ(item.status, OutboxStatus::sent);
        }
    }
}

}  // namespace
}  // namespace okod::test
