#pragma once
// Which of the disputed days a municipality counts as public holidays, for moving
// deadlines, reminders and escalations off them. The defaults follow the Algemene
// termijnenwet (Atw), the law on deadlines: art. 3(1) lists 5 May (Bevrijdingsdag)
// every year and art. 3(2) equates Goede Vrijdag with a holiday. Municipal staff
// follow the CAO Gemeenten instead, which gives 5 May off every year since 2024
// (art. 6.6 of the 2023 agreement) and does not give Goede Vrijdag off; many other
// collective agreements give 5 May off only in lustrum years (2025, 2030, ...).
// A municipality chooses in its file: [holidays] goede_vrijdag, bevrijdingsdag.
#include <optional>
#include <string_view>

namespace okod {

enum class LiberationDay { every_year, lustrum, never };
std::string_view to_string(LiberationDay d);
std::optional<LiberationDay> parse_liberation_day(std::string_view text);

struct HolidayRules {
    bool good_friday = true;  // Goede Vrijdag
    LiberationDay liberation_day = LiberationDay::every_year;
    friend bool operator==(const HolidayRules&, const HolidayRules&) = default;
};

}  // namespace okod
