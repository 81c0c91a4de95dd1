// The test SMTP server itself: others build crash tests on it, so what it reports
// must be exactly the mail that was accepted.
#include "support/smtp_sink.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <set>
#include <thread>

#include "support/test_support.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;

#define REQUIRE_SMTP_SINK() \
    if (!SmtpSink::available()) GTEST_SKIP() << SmtpSink::kMissing

// A hand-driven SMTP client, to stop half-way through a transaction.
class RawClient {
public:
    explicit RawClient(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
            throw std::runtime_error("connect failed");
        reply();  // greeting
    }
    ~RawClient() { ::close(fd_); }
    RawClient(const RawClient&) = delete;
    RawClient& operator=(const RawClient&) = delete;

    void send(std::string_view text) {
        if (::send(fd_, text.data(), text.size(), MSG_NOSIGNAL) !=
            static_cast<ssize_t>(text.size()))
            throw std::runtime_error("send failed");
    }
    // The last line of the server's reply ("250 2.0.0 Ok").
    std::string reply() {
        std::string line;
        for (;;) {
            char c = 0;
            if (::recv(fd_, &c, 1, 0) != 1) return line;
            if (c == '\n') {
                if (line.size() >= 4 && line[3] == ' ') return line;
                line.clear();
            } else if (c != '\r') {
                line += c;
            }
        }
    }
    std::string command(std::string_view text) {
        send(text);
        return reply();
    }
    void start_mail(std::string_view to) {
        command("EHLO test\r\n");
        command("MAIL FROM:<oko@maastricht.nl>\r\n");
        command("RCPT TO:<" + std::string(to) + ">\r\n");
        if (command("DATA\r\n").rfind("354", 0) != 0) throw std::runtime_error("DATA refused");
    }

private:
    int fd_;
};

TEST(SmtpSink, reports_envelope_headers_and_body_of_each_mail) {
    REQUIRE_SMTP_SINK();
    TempDir tmp;
    SmtpSink sink(tmp.path());
    RawClient client(sink.port());
    client.start_mail("bram@ggdzl.nl");
    EXPECT_EQ(
        client.command(
            "Subject: =?UTF-8?B?Y2Fmw6k=?=\r\nX-Okod-Key: k1\r\n\r\nregel 1\r\n..punt\r\n.\r\n"),
        "250 2.0.0 Ok");
    ASSERT_TRUE(sink.wait_for_messages(1, 5s));
    const auto mail = sink.messages().at(0);
    EXPECT_EQ(mail.mail_from, "oko@maastricht.nl");
    EXPECT_EQ(mail.rcpt_to, std::vector<std::string>{"bram@ggdzl.nl"});
    EXPECT_EQ(mail.decoded_subject(), "café");
    EXPECT_EQ(mail.okod_key(), "k1");
    EXPECT_EQ(mail.text, "regel 1\n.punt\n")
        << "dot-unstuffed, without the dump's trailing empty line";
}

TEST(SmtpSink, a_mail_still_being_received_is_not_listed_and_stop_drops_it) {
    REQUIRE_SMTP_SINK();
    TempDir tmp;
    SmtpSink sink(tmp.path());
    {
        RawClient done(sink.port());
        done.start_mail("a@x.nl");
        done.command("Subject: one\r\n\r\nbody\r\n.\r\n");
    }
    RawClient client(sink.port());
    client.start_mail("b@x.nl");
    client.send("Subject: two\r\n\r\n" + std::string(20000, 'x') +
                "\r\n");  // beyond stdio buffering
    const auto files = [&] {
        return std::distance(std::filesystem::directory_iterator(sink.mail_dir()), {});
    };
    ASSERT_TRUE(wait_until([&] { return files() == 2; }, 5s)) << "smtp-sink dumps as it receives";
    EXPECT_EQ(sink.message_count(), 1u) << "the unfinished mail is not reported";

    sink.stop();
    EXPECT_EQ(files(), 1);
    sink.start();
    const auto mails = sink.messages();
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_EQ(mails[0].decoded_subject(), "one");
}

TEST(SmtpSink, restarts_on_the_same_port_and_keeps_what_it_received) {
    REQUIRE_SMTP_SINK();
    TempDir tmp;
    SmtpSink sink(tmp.path());
    const int port = sink.port();
    for (int round = 0; round < 3; ++round) {
        {
            RawClient client(port);
            client.start_mail("r" + std::to_string(round) + "@x.nl");
            ASSERT_EQ(client.command("Subject: s\r\n\r\nb\r\n.\r\n"), "250 2.0.0 Ok");
            client.command("QUIT\r\n");
        }
        sink.stop();
        EXPECT_FALSE(sink.running());
        sink.start();
        EXPECT_EQ(sink.port(), port);
    }
    std::set<std::string> recipients;
    for (const auto& mail : sink.messages()) recipients.insert(mail.rcpt_to.at(0));
    EXPECT_EQ(recipients, (std::set<std::string>{"r0@x.nl", "r1@x.nl", "r2@x.nl"}));
}

TEST(SmtpSink, parse_mail_reads_a_multipart_message_with_quoted_printable) {
    const auto mail = parse_mail(
        "Subject: =?UTF-8?Q?caf=C3=A9?= =?UTF-8?B?IOKAkyB0aGVl?=\r\n"
        "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
        "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: "
        "quoted-printable\r\n\r\n"
        "caf=C3=A9 lang=\r\ne regel\r\n"
        "--b1\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>x</p>\r\n"
        "--b1--\r\n");
    EXPECT_EQ(mail.decoded_subject(), "café – thee");
    // The line break before a boundary belongs to the boundary.
    EXPECT_EQ(mail.text, "café lange regel");
    EXPECT_EQ(mail.html, "<p>x</p>");
}

}  // namespace
}  // namespace okod::test
