#include "adapters/mail/date_words.hpp"

#include <fmt/format.h>

#include <array>

#include "time/amsterdam.hpp"

namespace okod {
namespace {

using Names7 = std::array<const char*, 7>;  // indexed by weekday, Sunday = 0
using Names12 = std::array<const char*, 12>;

constexpr Names7 kDaysNl{"zondag",    "maandag", "dinsdag", "woensdag",
                         "donderdag", "vrijdag", "zaterdag"};
constexpr Names7 kDaysEn{"Sunday",   "Monday", "Tuesday", "Wednesday",
                         "Thursday", "Friday", "Saturday"};
constexpr Names7 kShortDaysNl{"zo", "ma", "di", "wo", "do", "vr", "za"};
constexpr Names7 kShortDaysEn{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr Names12 kMonthsNl{"januari", "februari", "maart",     "april",   "mei",      "juni",
                            "juli",    "augustus", "september", "oktober", "november", "december"};
constexpr Names12 kMonthsEn{"January", "February", "March",     "April",   "May",      "June",
                            "July",    "August",   "September", "October", "November", "December"};
constexpr Names12 kShortMonthsNl{"jan", "feb", "mrt", "apr", "mei", "jun",
                                 "jul", "aug", "sep", "okt", "nov", "dec"};
constexpr Names12 kShortMonthsEn{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string format_day(Instant t, const Names7& days, const Names12& months) {
    const Date d = local_date(t);
    return fmt::format("{} {} {} {}", days[date::weekday{to_days(d)}.c_encoding()],
                       static_cast<unsigned>(d.day()), months[static_cast<unsigned>(d.month()) - 1],
                       static_cast<int>(d.year()));
}

}  // namespace

std::string long_date(Instant t, Language lang) {
    return lang == Language::en ? format_day(t, kDaysEn, kMonthsEn)
                                : format_day(t, kDaysNl, kMonthsNl);
}

std::string long_date_time(Instant t, Language lang) {
    return long_date(t, lang) + (lang == Language::en ? " at " : " om ") + clock_time(t);
}

std::string short_date(Instant t, Language lang) {
    return lang == Language::en ? format_day(t, kShortDaysEn, kShortMonthsEn)
                                : format_day(t, kShortDaysNl, kShortMonthsNl);
}

std::string clock_time(Instant t) { return format_local_minutes(t).substr(11, 5); }

}  // namespace okod
