#pragma once
// A real SMTP server for tests: postfix's smtp-sink on 127.0.0.1, writing every mail
// it accepts to a file of its own, plus a parser that reads those files back
// (envelope, headers, decoded bodies).
//
//     SmtpSink sink(tmp.path());                  // started, on a free port
//     transport.send(message);                    // to 127.0.0.1:sink.port()
//     ASSERT_TRUE(sink.wait_for_messages(1, 5s));
//     EXPECT_EQ(sink.messages()[0].decoded_subject(), "...");
//
// messages() lists only finished transactions: a mail still being received, or cut
// off by stop(), is never reported. stop() then start() reuses the same port, for
// tests of a mail server that goes away and comes back.
//
// smtp-sink comes with the postfix package; when it is missing, tests skip:
//     if (!SmtpSink::available()) GTEST_SKIP() << SmtpSink::kMissing;
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/child_process.hpp"

namespace okod::test {

struct ReceivedMail {
    std::filesystem::path file;        // the dump file; empty for parse_mail()
    std::string mail_from;             // envelope sender, without < >
    std::vector<std::string> rcpt_to;  // envelope recipients, without < >, in order
    std::vector<std::pair<std::string, std::string>> headers;  // in order, unfolded
    std::string text;  // decoded text/plain part, LF line ends
    std::string html;  // decoded text/html part, LF line ends; empty when absent
    std::string raw;   // the message as received (headers and body), LF line ends

    // First header of that name (case-insensitive), "" when absent.
    std::string header(std::string_view name) const;
    std::size_t header_count(std::string_view name) const;
    std::string decoded_subject() const;  // RFC 2047 words decoded
    std::string message_id() const { return header("Message-ID"); }
    std::string okod_key() const { return header("X-Okod-Key"); }
};

// Parses a message as okod renders it (CRLF or LF line ends): headers, then a
// text/plain body or a multipart/alternative with text/plain and text/html parts;
// base64 and quoted-printable bodies are decoded.
ReceivedMail parse_mail(std::string_view message);
std::string decode_base64(std::string_view text);           // whitespace is ignored
std::string decode_rfc2047(std::string_view header_value);  // UTF-8 and ASCII words

struct SmtpSinkOptions {
    int port = 0;       // 0: a free loopback port
    bool start = true;  // false: constructed stopped, to test a server that is down
    // smtp-sink answers AUTH with 250 where RFC 4954 says 235, and libcurl (rightly)
    // reads that as a refused login. Off by default, so a client configured with a
    // username still delivers: libcurl skips AUTH when the server does not offer it.
    bool announce_auth = false;
    // More smtp-sink options, e.g. {"-f", "RCPT"} (5xx to RCPT), {"-r", "MAIL"} (4xx).
    std::vector<std::string> extra_args;
};

class SmtpSink {
public:
    static constexpr const char* kMissing =
        "postfix's smtp-sink is not installed (/usr/sbin/smtp-sink): apt-get install postfix";
    static bool available();

    // Files go under `work_dir`: mail/ for the dumps, smtp-sink.log for its output.
    explicit SmtpSink(std::filesystem::path work_dir, SmtpSinkOptions options = {});
    ~SmtpSink();
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    // Starts smtp-sink on port() and returns once it accepts connections (at most
    // 10 s); throws with its log when it cannot start. No-op when running.
    void start();
    // Freezes smtp-sink, drops the dumps of transactions it had not finished, then
    // kills it. No-op when stopped.
    void stop();
    bool running();

    int port() const { return port_; }
    const std::filesystem::path& mail_dir() const { return mail_dir_; }
    const std::filesystem::path& log_file() const { return log_file_; }

    // Every finished mail so far, by the time its dump was last written. That clock
    // ticks in milliseconds (jiffies), so mails finished within a few ms of each other
    // may come in either order: compare sets, not sequences.
    std::vector<ReceivedMail> messages() const;
    std::size_t message_count() const;
    bool wait_for_messages(std::size_t count, std::chrono::milliseconds timeout) const;

private:
    std::vector<std::filesystem::path> finished_dumps() const;

    SmtpSinkOptions options_;
    int port_;
    std::filesystem::path mail_dir_;
    std::filesystem::path log_file_;
    std::unique_ptr<ChildProcess> process_;
};

}  // namespace okod::test
