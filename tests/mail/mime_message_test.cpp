#include "adapters/mail/mime_message.hpp"

#include <gtest/gtest.h>

#include "support/output_lines.hpp"
#include "support/smtp_sink.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

using test::valid_utf8;

using test::decode_base64;
using test::parse_mail;

Instant local(int y, unsigned m, unsigned d, int hour, int minute = 0) {
    return at_local(Date{date::year{y}, date::month{m}, date::day{d}},
                    TimeOfDay{hour * 60 + minute});
}

MailMessage sample() {
    MailMessage m;
    m.from_address = "oko@maastricht.nl";
    m.from_name = "OKO-regie Maastricht";
    m.to_address = "bram.hendriks@ggdzl.nl";
    m.to_name = "Bram Hendriks";
    m.subject = "[OKO Maastricht] Herinnering: Jeugdmonitor afnemen – deadline di 30 sep 2025";
    m.text = "Beste Bram Hendriks,\n\nOver 14 dagen moet deze taak af zijn.\n";
    m.html = "<p>Beste Bram Hendriks,</p>\n<p>Over 14 dagen moet deze taak af zijn.</p>\n";
    m.message_id = "<okod.0123456789abcdef@maastricht.nl>";
    m.idempotency_key = "task:123|reminder|14|bram";
    m.date = local(2025, 9, 16, 9);
    return m;
}

std::vector<std::string> lines_of(const std::string& bytes) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const auto end = bytes.find("\r\n", pos);
        if (end == std::string::npos) {
            lines.push_back(bytes.substr(pos));
            break;
        }
        lines.push_back(bytes.substr(pos, end - pos));
        pos = end + 2;
    }
    return lines;
}

std::string header_block(const std::string& bytes) {
    return bytes.substr(0, bytes.find("\r\n\r\n"));
}

TEST(MimeMessage, a_non_ascii_subject_is_encoded_in_words_that_decode_back) {
    MailMessage m = sample();
    m.subject =
        "[OKO Maastricht] Herinnering: Jeugdmonitor afnemen op school – café één "
        "überprüfung – deadline di 30 sep 2025 ✓";
    const std::string bytes = render_mime(m);
    const std::string headers = header_block(bytes);

    EXPECT_NE(headers.find("Subject: =?UTF-8?B?"), std::string::npos);
    for (unsigned char c : headers) EXPECT_LT(c, 0x80) << "raw 8-bit byte in the headers";
    EXPECT_EQ(parse_mail(bytes).decoded_subject(), m.subject);

    // Each encoded-word is whole UTF-8 on its own: no character split across words.
    std::size_t words = 0;
    for (std::size_t at = headers.find("=?UTF-8?B?"); at != std::string::npos;
         at = headers.find("=?UTF-8?B?", at + 1), ++words) {
        const auto end = headers.find("?=", at + 10);
        ASSERT_NE(end, std::string::npos);
        EXPECT_LE(end + 2 - at, 75u);
        EXPECT_TRUE(valid_utf8(decode_base64(headers.substr(at + 10, end - at - 10))));
    }
    EXPECT_GT(words, 2u) << "a long subject is split into several words";
}

TEST(MimeMessage, a_plain_ascii_subject_stays_readable) {
    MailMessage m = sample();
    m.subject = "[OKO Maastricht] Reminder: Youth monitor - due Tue 30 Sep 2025";
    EXPECT_NE(
        render_mime(m).find(
            "\r\nSubject: [OKO Maastricht] Reminder: Youth monitor - due Tue 30 Sep 2025\r\n"),
        std::string::npos);
}

TEST(MimeMessage, every_line_ends_in_crlf_and_fits_in_78_characters) {
    MailMessage m = sample();
    m.text = std::string(500, 'x') + "\nregel twee\r\nregel drie\n";
    const std::string bytes = render_mime(m);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] != '\n') continue;
        ASSERT_TRUE(i > 0 && bytes[i - 1] == '\r') << "bare LF at byte " << i;
    }
    for (const auto& line : lines_of(bytes)) EXPECT_LE(line.size(), 78u) << line;
}

TEST(MimeMessage, both_parts_are_present_and_decode_to_the_inputs) {
    const MailMessage m = sample();
    const std::string bytes = render_mime(m);
    const auto mail = parse_mail(bytes);

    EXPECT_NE(mail.header("Content-Type").find("multipart/alternative"), std::string::npos);
    const auto plain = bytes.find("Content-Type: text/plain; charset=UTF-8");
    const auto html = bytes.find("Content-Type: text/html; charset=UTF-8");
    ASSERT_NE(plain, std::string::npos);
    ASSERT_NE(html, std::string::npos);
    EXPECT_LT(plain, html) << "clients show the last alternative they understand: HTML goes last";
    EXPECT_EQ(mail.text, m.text);
    EXPECT_EQ(mail.html, m.html);
}

TEST(MimeMessage, without_html_the_mail_is_plain_text_only) {
    MailMessage m = sample();
    m.html.clear();
    const std::string bytes = render_mime(m);
    EXPECT_EQ(bytes.find("multipart"), std::string::npos);
    EXPECT_EQ(bytes.find("text/html"), std::string::npos);
    EXPECT_EQ(parse_mail(bytes).text, m.text);
}

TEST(MimeMessage, carries_the_headers_a_mail_server_and_the_outbox_need) {
    const auto mail = parse_mail(render_mime(sample()));
    EXPECT_EQ(mail.header("Date"), "Tue, 16 Sep 2025 09:00:00 +0200");
    EXPECT_EQ(mail.header("From"), "OKO-regie Maastricht <oko@maastricht.nl>");
    EXPECT_EQ(mail.header("To"), "Bram Hendriks <bram.hendriks@ggdzl.nl>");
    EXPECT_EQ(mail.message_id(), "<okod.0123456789abcdef@maastricht.nl>");
    EXPECT_EQ(mail.okod_key(), "task:123|reminder|14|bram");
    EXPECT_EQ(mail.header("MIME-Version"), "1.0");
    EXPECT_EQ(mail.header("Auto-Submitted"), "auto-generated");
}

TEST(MimeMessage, the_date_header_uses_the_amsterdam_offset_of_that_day) {
    EXPECT_EQ(rfc5322_date(local(2025, 9, 30, 17)), "Tue, 30 Sep 2025 17:00:00 +0200");
    EXPECT_EQ(rfc5322_date(local(2025, 1, 6, 9, 5)), "Mon, 6 Jan 2025 09:05:00 +0100");
}

TEST(MimeMessage, display_names_are_quoted_or_encoded_when_they_need_it) {
    MailMessage m = sample();
    m.from_name = "OKO-regie, Maastricht";
    m.to_name = "Anouk de Vrïes";
    const auto mail = parse_mail(render_mime(m));
    EXPECT_EQ(mail.header("From"), "\"OKO-regie, Maastricht\" <oko@maastricht.nl>");
    EXPECT_NE(mail.header("To").find("=?UTF-8?B?"), std::string::npos);
    EXPECT_EQ(test::decode_rfc2047(mail.header("To")), "Anouk de Vrïes <bram.hendriks@ggdzl.nl>");

    m.to_name.clear();
    EXPECT_EQ(parse_mail(render_mime(m)).header("To"), "bram.hendriks@ggdzl.nl");
}

TEST(MimeMessage, a_newline_in_a_header_value_cannot_add_a_header) {
    MailMessage m = sample();
    m.subject = "Hallo\r\nBcc: evil@example.com";
    m.to_name = "Bram\nBcc: evil2@example.com";
    m.from_name = "OKO\rBcc: evil3@example.com";
    m.idempotency_key = "key\r\nBcc: evil4@example.com";
    m.message_id = "<id@x>\nBcc: evil5@example.com";
    const auto mail = parse_mail(render_mime(m));
    EXPECT_EQ(mail.header_count("Bcc"), 0u);
    EXPECT_EQ(mail.decoded_subject(), "Hallo  Bcc: evil@example.com");
}

TEST(MimeMessage, the_same_message_renders_the_same_bytes) {
    const MailMessage m = sample();
    EXPECT_EQ(render_mime(m), render_mime(m));
    MailMessage other = m;
    other.message_id = "<okod.fedcba9876543210@maastricht.nl>";
    const auto boundary = [](const MailMessage& msg) {
        return test::parse_mail(render_mime(msg)).header("Content-Type");
    };
    EXPECT_NE(boundary(m), boundary(other)) << "the boundary derives from the Message-ID";
}

}  // namespace
}  // namespace okod

namespace okod {
namespace {

// The part of `bytes` after "--boundary\r\n" number `n` (1-based), up to the next boundary.
std::string mime_part(const std::string& bytes, const std::string& boundary, int n) {
    std::size_t at = 0;
    for (int k = 0; k < n; ++k) {
        at = bytes.find("--" + boundary + "\r\n", at);
        if (at == std::string::npos) return {};
        at += boundary.size() + 4;
    }
    return bytes.substr(at, bytes.find("--" + boundary, at) - at);
}

TEST(MimeMessage, attachments_follow_the_message_in_multipart_mixed_byte_for_byte) {
    MailMessage m = sample();
    const std::string binary("%PDF-1.7\n\0\xff\r\n%%EOF", 19);
    m.attachments = {{"jaarrapportage-GM0935-2026.html", "text/html; charset=UTF-8",
                      "<h1>Jaarrapportage</h1>\n"},
                     {"jaarrapportage-GM0935-2026.pdf", "application/pdf", binary}};
    const std::string bytes = render_mime(m);
    const auto mail = test::parse_mail(bytes);
    const std::string type = mail.header("Content-Type");
    ASSERT_EQ(type.rfind("multipart/mixed; boundary=\"", 0), 0u) << type;
    const std::string boundary = type.substr(27, type.size() - 28);

    // First the message as before (text and HTML), then each file.
    EXPECT_NE(mime_part(bytes, boundary, 1).find("Content-Type: multipart/alternative"),
              std::string::npos);
    const std::string html = mime_part(bytes, boundary, 2);
    EXPECT_NE(
        html.find("Content-Disposition: attachment; filename=\"jaarrapportage-GM0935-2026.html\""),
        std::string::npos)
        << html;
    EXPECT_EQ(decode_base64(html.substr(html.find("\r\n\r\n") + 4)),
              "<h1>Jaarrapportage</h1>\n");  // LF kept
    const std::string pdf = mime_part(bytes, boundary, 3);
    EXPECT_NE(pdf.find("Content-Type: application/pdf; name=\"jaarrapportage-GM0935-2026.pdf\""),
              std::string::npos);
    EXPECT_EQ(decode_base64(pdf.substr(pdf.find("\r\n\r\n") + 4)), binary);
    EXPECT_NE(bytes.find("--" + boundary + "--\r\n"), std::string::npos);
    for (const auto& line : lines_of(bytes)) EXPECT_LE(line.size(), 78u) << line;
    EXPECT_EQ(render_mime(m), bytes);  // a resend is the same mail
}

TEST(MimeMessage, a_message_without_attachments_stays_multipart_alternative) {
    EXPECT_EQ(test::parse_mail(render_mime(sample()))
                  .header("Content-Type")
                  .rfind("multipart/alternative", 0),
              0u);
}

}  // namespace
}  // namespace okod
