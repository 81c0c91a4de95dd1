#include "time/amsterdam.hpp"

#include <absl/time/civil_time.h>
#include <absl/time/time.h>
#include <fmt/format.h>

#include <charconv>
#include <stdexcept>

namespace okod {
namespace {

// Abseil's time zones (cctz) read the system's tzdata and, past its last listed
// transition (2037 in Debian's files), go on with the rule the file ends with
// ("CET-1CEST,M3.5.0,M10.5.0/3"), so summer time is right in any year up to 2100.
const absl::TimeZone& amsterdam() {
    static const absl::TimeZone zone = [] {
        absl::TimeZone z;
        // Without the data abseil would quietly answer in UTC: refuse to run instead.
        if (!absl::LoadTimeZone("Europe/Amsterdam", &z))
            throw std::runtime_error(
                "no time-zone data for Europe/Amsterdam (/usr/share/zoneinfo: install tzdata)");
        return z;
    }();
    return zone;
}

absl::Time to_absl(Instant t) { return absl::FromUnixSeconds(t.time_since_epoch().count()); }
Instant from_absl(absl::Time t) { return Instant{std::chrono::seconds{absl::ToUnixSeconds(t)}}; }

bool parse_int(std::string_view text, int& out) {
    if (text.empty()) return false;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && ptr == text.data() + text.size();
}

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

}  // namespace

Instant at_local(Date day, TimeOfDay time) {
    const absl::CivilSecond local(static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                                  static_cast<unsigned>(day.day()), time.minutes / 60,
                                  time.minutes % 60, 0);
    const auto info = amsterdam().At(local);
    switch (info.kind) {
        case absl::TimeZone::TimeInfo::SKIPPED:
            // The skipped hour: the wall clock jumps from 02:00 to 03:00, so the
            // moment "02:30" names is best taken as the transition instant itself.
            return from_absl(info.trans);
        case absl::TimeZone::TimeInfo::REPEATED:  // the earlier of the two
        case absl::TimeZone::TimeInfo::UNIQUE:
        default:
            return from_absl(info.pre);
    }
}

Date local_date(Instant t) {
    const auto local = amsterdam().At(to_absl(t)).cs;
    return Date{date::year{static_cast<int>(local.year())} / local.month() / local.day()};
}

std::chrono::seconds utc_offset(Instant t) {
    return std::chrono::seconds{amsterdam().At(to_absl(t)).offset};
}

std::string format_iso_local(Instant t) {
    const auto offset = utc_offset(t);
    const auto local = t + offset;
    const auto day = date::floor<date::days>(local);
    const Date ymd{day};
    const date::hh_mm_ss hms{local - day};
    const auto off = std::chrono::duration_cast<std::chrono::minutes>(offset).count();
    const char sign = off < 0 ? '-' : '+';
    const long aoff = off < 0 ? -off : off;
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}",
                       static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()), hms.hours().count(), hms.minutes().count(),
                       hms.seconds().count(), sign, aoff / 60, aoff % 60);
}

std::string format_local_minutes(Instant t) {
    const std::string iso = format_iso_local(t);
    return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

std::string format_date(Date d) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()),
                       static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (!all_digits(text.substr(0, 4)) || !all_digits(text.substr(5, 2)) ||
        !all_digits(text.substr(8, 2)))
        return std::nullopt;
    parse_int(text.substr(0, 4), y);
    parse_int(text.substr(5, 2), m);
    parse_int(text.substr(8, 2), d);
    const Date date{date::year{y}, date::month{static_cast<unsigned>(m)},
                    date::day{static_cast<unsigned>(d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::optional<TimeOfDay> parse_time_of_day(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    int h = 0, m = 0;
    if (!all_digits(text.substr(0, 2)) || !all_digits(text.substr(3, 2))) return std::nullopt;
    parse_int(text.substr(0, 2), h);
    parse_int(text.substr(3, 2), m);
    if (h > 23 || m > 59) return std::nullopt;
    return TimeOfDay{h * 60 + m};
}

std::optional<Instant> parse_local_date_time(std::string_view text) {
    if (text.size() != 16 || text[10] != 'T') return std::nullopt;
    auto d = parse_date(text.substr(0, 10));
    auto hm = parse_time_of_day(text.substr(11, 5));
    if (!d || !hm) return std::nullopt;
    return at_local(*d, *hm);
}

std::optional<Instant> parse_instant(std::string_view text) {
    if (text.size() == 10) {
        auto d = parse_date(text);
        if (!d) return std::nullopt;
        return at_local(*d, TimeOfDay{0});
    }
    // YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM)
    if (text.size() < 17 || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
    auto d = parse_date(text.substr(0, 10));
    auto hm = parse_time_of_day(text.substr(11, 5));
    if (!d || !hm) return std::nullopt;
    std::string_view rest = text.substr(16);
    int seconds = 0;
    if (rest.size() >= 3 && rest[0] == ':') {
        if (!all_digits(rest.substr(1, 2)) || !parse_int(rest.substr(1, 2), seconds) ||
            seconds > 59)
            return std::nullopt;
        rest.remove_prefix(3);
    }
    const auto local_seconds = date::sys_days{*d}.time_since_epoch() +
                               std::chrono::minutes{hm->minutes} + std::chrono::seconds{seconds};
    if (rest == "Z") return Instant{local_seconds};
    if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':')
        return std::nullopt;
    int oh = 0, om = 0;
    if (!all_digits(rest.substr(1, 2)) || !all_digits(rest.substr(4, 2))) return std::nullopt;
    parse_int(rest.substr(1, 2), oh);
    parse_int(rest.substr(4, 2), om);
    // Real UTC offsets run from -12:00 to +14:00 (Kiribati); ±14:00 at most, as ISO
    // 8601 profiles allow, so a typo like +99:00 is refused instead of moving the moment.
    if (om > 59 || oh * 60 + om > 14 * 60) return std::nullopt;
    auto offset = std::chrono::hours{oh} + std::chrono::minutes{om};
    if (rest[0] == '-') offset = -offset;
    return Instant{local_seconds - offset};
}

}  // namespace okod
