#include "adapters/ical/ical_writer.hpp"

#include <fmt/format.h>

#include "time/amsterdam.hpp"

namespace okod {
namespace {

constexpr std::size_t kMaxLineOctets = 75;

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string compact_date_time(Date d, const date::hh_mm_ss<std::chrono::seconds>& hms) {
    return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}", static_cast<int>(d.year()),
                       static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()),
                       hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

}  // namespace

std::string ical_escape_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case ';':
                out += "\\;";
                break;
            case ',':
                out += "\\,";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
                out += "\\n";
                break;
            default:
                if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == '\x7f') break;
                out += c;
        }
    }
    return out;
}

std::string ical_fold(std::string_view line) {
    std::string out;
    out.reserve(line.size() + line.size() / 64 * 3 + 2);
    std::size_t room =
        kMaxLineOctets;  // the first line has all 75, continuations 74 after the space
    while (line.size() > room) {
        std::size_t cut = room;
        // Back up to the start of the UTF-8 sequence the cut would split.
        while (cut > 0 && is_utf8_continuation(line[cut])) --cut;
        if (cut == 0) cut = room;  // not UTF-8 at all: cut anywhere rather than loop
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        room = kMaxLineOctets - 1;
    }
    out.append(line);
    out += "\r\n";
    return out;
}

std::string ical_utc_date_time(Instant t) {
    const auto day = date::floor<date::days>(t);
    return compact_date_time(Date{day}, date::hh_mm_ss<std::chrono::seconds>{t - day}) + "Z";
}

std::string ical_local_date_time(Instant t) {
    // format_iso_local owns the zone rules: "2026-03-24T09:00:00+01:00" -> 20260324T090000.
    const std::string iso = format_iso_local(t);
    std::string out;
    for (char c : std::string_view(iso).substr(0, 19))
        if (c != '-' && c != ':') out += c;
    return out;
}

std::string ical_date(Date d) {
    return fmt::format("{:04}{:02}{:02}", static_cast<int>(d.year()),
                       static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

void IcalWriter::begin(std::string_view component) { property("BEGIN", component); }

void IcalWriter::end(std::string_view component) { property("END", component); }

void IcalWriter::property(std::string_view name, std::string_view value) {
    std::string line;
    line.reserve(name.size() + 1 + value.size());
    line.append(name);
    line += ':';
    line.append(value);
    out_ += ical_fold(line);
}

void IcalWriter::text(std::string_view name, std::string_view value) {
    property(name, ical_escape_text(value));
}

void IcalWriter::text_list(std::string_view name, const std::vector<std::string>& values) {
    std::string joined;
    for (const auto& v : values) {
        if (!joined.empty()) joined += ',';
        joined += ical_escape_text(v);
    }
    property(name, joined);
}

void IcalWriter::amsterdam_timezone() {
    begin("VTIMEZONE");
    property("TZID", kAmsterdamTzid);
    begin("DAYLIGHT");
    property("TZOFFSETFROM", "+0100");
    property("TZOFFSETTO", "+0200");
    property("TZNAME", "CEST");
    property("DTSTART", "19700329T020000");
    property("RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
    end("DAYLIGHT");
    begin("STANDARD");
    property("TZOFFSETFROM", "+0200");
    property("TZOFFSETTO", "+0100");
    property("TZNAME", "CET");
    property("DTSTART", "19701025T030000");
    property("RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    end("STANDARD");
    end("VTIMEZONE");
}

}  // namespace okod
