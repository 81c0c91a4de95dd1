#include "adapters/mail/smtp_transport.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "adapters/mail/reminder_mail.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

using namespace std::chrono_literals;
using Outcome = SendResult::Outcome;
using test::SmtpSink;
using test::SmtpSinkOptions;

#define REQUIRE_SMTP_SINK() \
    if (!SmtpSink::available()) GTEST_SKIP() << SmtpSink::kMissing

SmtpSinkOptions stopped() {
    SmtpSinkOptions o;
    o.start = false;
    return o;
}

SmtpSinkOptions with_args(std::vector<std::string> args) {
    SmtpSinkOptions o;
    o.extra_args = std::move(args);
    return o;
}

SmtpSettings plain_smtp(int port) {
    SmtpSettings s;
    s.port = port;
    s.security = SmtpSecurity::none;
    s.timeout = 5s;
    return s;
}

// A Dutch reminder as the outbox would send it.
MailMessage dutch_reminder(const std::string& person = "bram") {
    ReminderContext c;
    c.item.key = "123|reminder|2025-09-30|" + person;
    c.item.kind = OutboxKind::reminder;
    c.item.recipient = person + "@ggdzl.nl";
    c.item.lead_days = 14;
    c.item.due =
        at_local(Date{date::year{2025}, date::month{9}, date::day{30}}, TimeOfDay{17 * 60});
    c.item.created_at = c.item.due.value() - std::chrono::days{14};
    c.municipality_name = "Maastricht";
    c.municipality_code = "GM0935";
    c.person_name = "Bram Hendriks";
    c.role_name = {"Contactpersoon GGD", ""};
    c.workflow_name = {"OKO-cyclus", ""};
    c.state_name = {"Monitoring", ""};
    c.task_title = {"Jeugdmonitor afnemen op school, in schooltijd", ""};
    c.task_id = 123;
    return compose_reminder_mail(c, {"oko@maastricht.nl", "OKO-regie Maastricht"});
}

TEST(SmtpTransport, a_dutch_reminder_arrives_as_written) {
    REQUIRE_SMTP_SINK();
    test::TempDir tmp;
    SmtpSink sink(tmp.path());
    SmtpTransport transport(plain_smtp(sink.port()));
    const MailMessage m = dutch_reminder();

    const SendResult r = transport.send(m);
    ASSERT_TRUE(r.ok()) << r.error;
    ASSERT_TRUE(sink.wait_for_messages(1, 5s));
    const auto got = sink.messages().at(0);
    EXPECT_EQ(got.mail_from, "oko@maastricht.nl");
    EXPECT_EQ(got.rcpt_to, std::vector<std::string>{"bram@ggdzl.nl"});
    EXPECT_EQ(got.decoded_subject(), m.subject);
    EXPECT_NE(got.decoded_subject().find("–"), std::string::npos);
    EXPECT_NE(got.text.find("op dinsdag 30 september 2025 om 17:00"), std::string::npos)
        << got.text;
    EXPECT_EQ(got.text, m.text);
    EXPECT_EQ(got.html, m.html);
    EXPECT_EQ(got.message_id(), m.message_id);
    EXPECT_EQ(got.okod_key(), "123|reminder|2025-09-30|bram");
}

TEST(SmtpTransport, two_messages_over_one_transport_both_arrive) {
    REQUIRE_SMTP_SINK();
    test::TempDir tmp;
    SmtpSink sink(tmp.path());
    SmtpTransport transport(plain_smtp(sink.port()));
    ASSERT_TRUE(transport.send(dutch_reminder("bram")).ok());
    ASSERT_TRUE(transport.send(dutch_reminder("anouk")).ok());
    ASSERT_TRUE(sink.wait_for_messages(2, 5s));
    std::vector<std::string> recipients;
    for (const auto& mail : sink.messages()) recipients.push_back(mail.rcpt_to.at(0));
    std::sort(recipients.begin(), recipients.end());  // the sink cannot tell which came first
    EXPECT_EQ(recipients, (std::vector<std::string>{"anouk@ggdzl.nl", "bram@ggdzl.nl"}));
}

TEST(SmtpTransport, a_hundred_mails_in_a_row_each_arrive_exactly_once) {
    REQUIRE_SMTP_SINK();
    test::TempDir tmp;
    SmtpSink sink(tmp.path());
    SmtpTransport transport(plain_smtp(sink.port()));
    for (int i = 0; i < 100; ++i) {
        const SendResult r = transport.send(dutch_reminder("p" + std::to_string(i)));
        ASSERT_TRUE(r.ok()) << i << ": " << r.error;
    }
    ASSERT_TRUE(sink.wait_for_messages(100, 10s));
    std::set<std::string> keys;
    for (const auto& mail : sink.messages()) keys.insert(mail.okod_key());
    EXPECT_EQ(keys.size(), 100u);
}

TEST(SmtpTransport,
     connection_refused_is_a_retry_and_the_same_transport_sends_once_the_server_is_up) {
    REQUIRE_SMTP_SINK();
    test::TempDir tmp;
    SmtpSink sink(tmp.path(), stopped());
    SmtpTransport transport(plain_smtp(sink.port()));

    const SendResult refused = transport.send(dutch_reminder());
    EXPECT_EQ(refused.outcome, Outcome::retry);
    EXPECT_EQ(refused.error, "cannot connect to 127.0.0.1:" + std::to_string(sink.port()) +
                                 ": Connection refused");

    sink.start();
    const SendResult r = transport.send(dutch_reminder());
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_TRUE(sink.wait_for_messages(1, 5s));
}

TEST(SmtpTransport, a_server_restart_between_sends_is_survived) {
    REQUIRE_SMTP_SINK();
    test::TempDir tmp;
    SmtpSink sink(tmp.path());
    SmtpTransport transport(plain_smtp(sink.port()));
    ASSERT_TRUE(transport.send(dutch_reminder("bram")).ok());

    sink.stop();  // the open connection dies with the server
    sink.start();
    const SendResult r = transport.send(dutch_reminder("anouk"));
    ASSERT_TRUE(r.ok()) << r.error;
    ASSERT_TRUE(sink.wait_for_messages(2, 5s));
}

TEST(SmtpTransport, a_permanent_refusal_is_rejected_and_a_temporary_one_is_retried) {
    REQUIRE_SMTP_SINK();
    test::TempDir tmp;
    {
        SmtpSink hard(tmp / "hard", with_args({"-f", "RCPT"}));  // 500 to RCPT
        const SendResult r = SmtpTransport(plain_smtp(hard.port())).send(dutch_reminder());
        EXPECT_EQ(r.outcome, Outcome::rejected) << r.error;
        EXPECT_NE(r.error.find("rejected the message (500)"), std::string::npos) << r.error;
        EXPECT_EQ(hard.message_count(), 0u);
    }
    {
        SmtpSink soft(tmp / "soft", with_args({"-r", "MAIL"}));  // 450 to MAIL
        const SendResult r = SmtpTransport(plain_smtp(soft.port())).send(dutch_reminder());
        EXPECT_EQ(r.outcome, Outcome::retry) << r.error;
        EXPECT_NE(r.error.find("(450)"), std::string::npos) << r.error;
    }
}

TEST(SmtpTransport, starttls_required_but_not_offered_sends_nothing_in_plain_text) {
    REQUIRE_SMTP_SINK();
    test::TempDir tmp;
    SmtpSink sink(tmp.path());  // smtp-sink has no STARTTLS
    SmtpSettings s = plain_smtp(sink.port());
    s.security = SmtpSecurity::starttls;
    const SendResult r = SmtpTransport(s).send(dutch_reminder());
    EXPECT_EQ(r.outcome, Outcome::retry);
    EXPECT_NE(r.error.find("does not offer STARTTLS"), std::string::npos) << r.error;
    EXPECT_EQ(sink.message_count(), 0u);
}

TEST(SmtpTransport, a_refused_login_is_a_retry_whose_error_shows_neither_user_nor_password) {
    REQUIRE_SMTP_SINK();
    test::TempDir tmp;
    // smtp-sink answers AUTH with 250 instead of 235: libcurl reports a refused login.
    SmtpSinkOptions announcing;
    announcing.announce_auth = true;
    SmtpSink sink(tmp.path(), announcing);
    SmtpSettings s = plain_smtp(sink.port());
    s.username = "oko-maastricht";
    s.password = "hunter2-very-secret";
    const SendResult r = SmtpTransport(s).send(dutch_reminder());
    EXPECT_EQ(r.outcome, Outcome::retry);
    EXPECT_NE(r.error.find("refused the login"), std::string::npos) << r.error;
    EXPECT_EQ(r.error.find("oko-maastricht"), std::string::npos)
        << "no part of the credentials: " << r.error;
    EXPECT_EQ(r.error.find("hunter2"), std::string::npos) << r.error;
    EXPECT_EQ(SmtpTransport(s).describe().find("hunter2"), std::string::npos);
    EXPECT_EQ(SmtpTransport(s).describe().find("oko-maastricht"), std::string::npos);
}

TEST(SmtpTransport, a_recipient_address_with_a_newline_is_rejected_before_any_command) {
    REQUIRE_SMTP_SINK();
    test::TempDir tmp;
    SmtpSink sink(tmp.path());
    MailMessage m = dutch_reminder();
    m.to_address = "bram@ggdzl.nl>\r\nRCPT TO:<evil@example.com";
    const SendResult r = SmtpTransport(plain_smtp(sink.port())).send(m);
    EXPECT_EQ(r.outcome, Outcome::rejected);
    EXPECT_EQ(sink.message_count(), 0u);
}

}  // namespace
}  // namespace okod
