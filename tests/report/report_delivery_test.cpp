// okod writes the yearly report itself, ahead of the municipality's due date: demo
// Maastricht (report_due 15 October) on the virtual clock, with the shipped council-report
// workflow, the real outbox sender and the report attacher. The regisseur's reminders
// carry okod's draft (and it lies in the reports directory); the escalation to the
// wethouder does not.
#include "adapters/report/report_words.hpp"
#include "daemon/outbox/annual_report_attacher.hpp"
#include "daemon/outbox/outbox_sender.hpp"
#include "support/demo_world.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace okod::test {
namespace {

struct Sent {
    Instant at;
    MailMessage message;
};

class RecordingTransport final : public MailTransport {
public:
    explicit RecordingTransport(const Clock& clock) : clock_(clock) {}
    SendResult send(const MailMessage& m) override {
        sent.push_back({clock_.now(), m});
        return {};
    }
    std::vector<Sent> sent;

private:
    const Clock& clock_;
};

std::string long_day(Instant t) { return report_words::long_date(local_date(t), Language::nl); }

class ReportDelivery : public DemoWorld {
protected:
    void SetUp() override {
        start(at(2022, 1, 1, 0));
        runtime_->config.reports.dir = dir_ / "reports";
        runtime_->config.reports.pdf = false;
        // A programme that runs well until the summer of 2026; then the report is due.
        run_until(at(2026, 9, 1), true);
        transport_ = std::make_unique<RecordingTransport>(*clock_);
        attacher_ = std::make_unique<AnnualReportAttacher>(store(), runtime_->definitions, runtime_->config);
        sender_ = std::make_unique<OutboxSender>(store(), runtime_->definitions, *clock_,
                                                 MailIdentity{"oko@maastricht.nl", "OKO Maastricht"},
                                                 RetryPolicy{4, std::chrono::seconds{60}, std::chrono::seconds{600}});
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
            while (engine().step()) {}
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
    EXPECT_NE(first.message.subject.find("Herinnering: Jaarrapportage opstellen"), std::string::npos)
        << first.message.subject;

    const auto* html = attachment(first.message, "jaarrapportage-GM0935-2026.html");
    ASSERT_NE(html, nullptr);
    EXPECT_EQ(html->content_type, "text/html; charset=UTF-8");
    EXPECT_NE(html->data.find("<h1>Jaarrapportage OKO 2026 – Maastricht</h1>"), std::string::npos);
    EXPECT_NE(html->data.find("Concept-jaarplan"), std::string::npos);
    EXPECT_NE(first.message.text.find("concept-jaarrapportage 2026 die okod op 10 september 2026"), std::string::npos)
        << first.message.text;
    EXPECT_NE(first.message.text.find("okoctl report annual --municipality GM0935 --year 2026"), std::string::npos);

    // The same report lies in the reports directory, as HTML and Markdown.
    EXPECT_EQ(read_file(dir_ / "reports/jaarrapportage-GM0935-2026.html"), html->data);
    EXPECT_NE(read_file(dir_ / "reports/jaarrapportage-GM0935-2026.md").find("# Jaarrapportage OKO 2026 – Maastricht"),
              std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir_ / "reports/jaarrapportage-GM0935-2026.pdf"));  // pdf = false
}

TEST_F(ReportDelivery, every_reminder_up_to_the_due_date_carries_the_latest_draft_and_the_escalation_none) {
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
            EXPECT_TRUE(s.message.attachments.empty()) << "a draft is for its author, not for the wethouder";
        } else {
            EXPECT_TRUE(to_regisseur) << s.message.to_address;
            ASSERT_EQ(s.message.attachments.size(), 1u) << s.message.subject;
            // Made that day: the note names the day the mail went.
            EXPECT_NE(s.message.text.find("die okod op " + long_day(s.at)), std::string::npos) << s.message.text;
        }
    }
    // Draft: 14, 3 and 0 days before 24 September, the overdue notice, the escalation
    // a week later; sending: 7 days before 15 October, on the day, and overdue.
    EXPECT_EQ(seen, (std::vector<std::string>{
                        "2026-09-10 09:00 +rapport", "2026-09-21 09:00 +rapport", "2026-09-24 09:00 +rapport",
                        "2026-09-24 17:00 +rapport", "2026-10-01 09:00 escalatie", "2026-10-08 09:00 +rapport",
                        "2026-10-15 09:00 +rapport", "2026-10-15 17:00 +rapport"}));
}

TEST_F(ReportDelivery, a_report_due_in_spring_looks_back_on_the_year_before) {
    Task task;
    task.municipality = "GM0935";
    task.due = at(2027, 5, 15, 17);
    const auto spring = attacher_->attach(task, Language::en, at(2027, 4, 10));
    ASSERT_TRUE(spring);
    ASSERT_EQ(spring->files.size(), 1u);
    EXPECT_EQ(spring->files[0].filename, "annual-report-GM0935-2026.html");
    EXPECT_NE(spring->files[0].data.find("OKO yearly report 2026"), std::string::npos);
    EXPECT_NE(spring->note.find("draft yearly report 2026 that okod wrote on 10 April 2027"), std::string::npos)
        << spring->note;
    EXPECT_TRUE(std::filesystem::exists(dir_ / "reports/annual-report-GM0935-2026.html"));
}

}  // namespace
}  // namespace okod::test
