#include "calendar/public_holidays.hpp"

#include <algorithm>

namespace okod {
namespace {

Date ymd(int y, unsigned m, unsigned d) {
    return Date{date::year{y}, date::month{m}, date::day{d}};
}

}  // namespace

Date easter_sunday(int year) {
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = ((h + l - 7 * m + 114) % 31) + 1;
    return ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::vector<PublicHoliday> public_holidays(int year, const HolidayRules& rules) {
    const Date easter = easter_sunday(year);
    // Koningsdag moves to the 26th when the 27th is a Sunday.
    Date kings_day = ymd(year, 4, 27);
    if (date::weekday{date::sys_days{kings_day}} == date::Sunday) kings_day = ymd(year, 4, 26);

    std::vector<PublicHoliday> out{
        {ymd(year, 1, 1), "Nieuwjaarsdag"},           {easter, "Eerste Paasdag"},
        {add_days(easter, 1), "Tweede Paasdag"},      {kings_day, "Koningsdag"},
        {add_days(easter, 39), "Hemelvaartsdag"},     {add_days(easter, 49), "Eerste Pinksterdag"},
        {add_days(easter, 50), "Tweede Pinksterdag"}, {ymd(year, 12, 25), "Eerste Kerstdag"},
        {ymd(year, 12, 26), "Tweede Kerstdag"},
    };
    if (rules.good_friday) out.push_back({add_days(easter, -2), "Goede Vrijdag"});
    const bool lustrum = year % 5 == 0;  // 2025, 2030: the liberation's lustrum years
    if (rules.liberation_day == LiberationDay::every_year ||
        (rules.liberation_day == LiberationDay::lustrum && lustrum))
        out.push_back({ymd(year, 5, 5), "Bevrijdingsdag"});
    std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
        return date::sys_days{x.date} < date::sys_days{y.date};
    });
    return out;
}

bool is_public_holiday(Date d, const HolidayRules& rules) {
    // Asked for every day a deadline or reminder is moved over (several times an engine
    // step): building the year's list each time was 2.5 % of a step. One year and one
    // municipality's rules kept per thread; steps rarely span two.
    thread_local int cached_year = 0;
    thread_local HolidayRules cached_rules;
    thread_local std::vector<PublicHoliday> cached;
    const int year = static_cast<int>(d.year());
    if (cached.empty() || cached_year != year || !(cached_rules == rules)) {
        cached = public_holidays(year, rules);
        cached_year = year;
        cached_rules = rules;
    }
    return std::any_of(cached.begin(), cached.end(),
                       [&](const PublicHoliday& h) { return h.date == d; });
}

}  // namespace okod
