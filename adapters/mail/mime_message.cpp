#include "adapters/mail/mime_message.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <array>

#include "adapters/mail/message_id.hpp"
#include "adapters/mail/mime_encoding.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

void header(std::string& out, std::string_view name, std::string_view value) {
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
}

std::string text_part_headers(std::string_view subtype) {
    return fmt::format(
        "Content-Type: text/{}; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n",
        subtype);
}

}  // namespace

std::string rfc5322_date(Instant t) {
    // English names by definition of the format, whatever the reader's language.
    static constexpr std::array<const char*, 7> days{"Sun", "Mon", "Tue", "Wed",
                                                     "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto offset = std::chrono::duration_cast<std::chrono::minutes>(utc_offset(t));
    const auto local = t + offset;
    const auto day = date::floor<date::days>(local);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss hms{local - day};
    const long off = offset.count();
    return fmt::format("{}, {} {} {:04} {:02}:{:02}:{:02} {}{:02}{:02}",
                       days[date::weekday{day}.c_encoding()], static_cast<unsigned>(ymd.day()),
                       months[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                       hms.hours().count(), hms.minutes().count(), hms.seconds().count(),
                       off < 0 ? '-' : '+', (off < 0 ? -off : off) / 60,
                       (off < 0 ? -off : off) % 60);
}

std::string render_mime(const MailMessage& m) {
    std::string out;
    header(out, "Date", rfc5322_date(m.date));
    header(out, "From", format_mailbox(m.from_name, m.from_address));
    header(out, "To", format_mailbox(m.to_name, m.to_address));
    header(out, "Subject", encode_header_text(m.subject));
    header(out, "Message-ID", header_safe(m.message_id));
    if (!m.idempotency_key.empty()) header(out, "X-Okod-Key", header_safe(m.idempotency_key));
    header(out, "MIME-Version", "1.0");
    // Tells mail servers and autoresponders this is machine mail (RFC 3834): no
    // vacation replies bouncing back at the OKO mailbox.
    header(out, "Auto-Submitted", "auto-generated");

    // "=_" never occurs in base64, so no boundary can collide with a body line.
    const std::string hash = short_hash(m.message_id);
    std::string body;  // the text, or the text and its HTML form, with their headers
    if (m.html.empty()) {
        body = text_part_headers("plain") + base64_lines(to_crlf(m.text));
    } else {
        const std::string boundary = "=_okod_" + hash;
        body = "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
        body +=
            "--" + boundary + "\r\n" + text_part_headers("plain") + base64_lines(to_crlf(m.text));
        body +=
            "--" + boundary + "\r\n" + text_part_headers("html") + base64_lines(to_crlf(m.html));
        body += "--" + boundary + "--\r\n";
    }
    if (m.attachments.empty()) return out + body;

    // With files: multipart/mixed, the message first, then each file as it is.
    const std::string boundary = "=_okod_mixed_" + hash;
    header(out, "Content-Type", "multipart/mixed; boundary=\"" + boundary + "\"");
    out += "\r\n";
    out += "--" + boundary + "\r\n" + body;
    for (const auto& a : m.attachments) {
        const std::string name = header_safe(a.filename);
        out += "--" + boundary + "\r\n";
        out += fmt::format("Content-Type: {}; name=\"{}\"\r\n", header_safe(a.content_type), name);
        out += fmt::format("Content-Disposition: attachment; filename=\"{}\"\r\n", name);
        out += "Content-Transfer-Encoding: base64\r\n\r\n";
        out += base64_lines(a.data);  // the bytes as they are: no line-end conversion
    }
    out += "--" + boundary + "--\r\n";
    return out;
}

}  // namespace okod
