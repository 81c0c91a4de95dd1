#pragma once
// The moments a definition may name without declaring them: in a due rule's `after`,
// `before` and `from`, and in a start's `at` and `until`. Definition validation, the
// engine and the check of a config against its definitions all read this one table,
// so a moment added here is known to all three at once.
//
// Besides these, a definition may name a [requires] date (each municipality sets it),
// a date its trigger brings (election, leave_date, budget_end: trigger_dates),
// "<task id>.done" and an event it waits for; those belong to the definition.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "time/instant.hpp"

namespace okod {

struct Instance;
struct Municipality;

// What a moment is computed from. `instance` is null for a definition's start, which
// is not inside an instance: only the municipality-wide moments are known there.
struct MomentInputs {
    const Municipality& municipality;
    const Instance* instance = nullptr;
    Date today{};  // "the next election" is the next one from this day
};

struct NamedMoment {
    std::string_view name;
    std::string_view meaning;
    // Municipality-wide, so it may start a definition (start.at, start.until).
    bool can_start = false;
    // A start at this moment begins the day after it (the trajectory's last day is
    // still the trajectory's; what follows it starts the day after).
    bool start_day_after = false;
    // A municipality's [dates] entry of the same name replaces it: a herindeling sets
    // its own election day. The others are okod's and cannot be redefined.
    bool municipality_may_override = false;
    // The day, or nullopt when it is not known (yet) from `in`.
    std::optional<Date> (*compute)(const MomentInputs& in) = nullptr;
};

// Every built-in moment, in the order error messages list them.
std::span<const NamedMoment> named_moments();
const NamedMoment* find_named_moment(std::string_view name);
bool is_start_moment(std::string_view name);

// "started, entered, ..." (all) or "trajectory_start, trajectory_end, election" (the
// ones a start may name), for the hints in error messages.
std::string named_moment_list(bool start_only);

// The day `name` stands for inside `in.instance`: what the instance is about (its
// parameters: the playbook for the 2026 election keeps that election after the day
// has passed), a built-in moment, a municipality date, then what happened in the
// instance ("entered" a state, "<task>.done", events). nullopt when not known yet.
std::optional<Date> resolve_moment(std::string_view name, const MomentInputs& in);

// The day a definition that starts `at` a moment first starts for `in.municipality`:
// a start moment or one of the municipality's [dates]; nullopt when it has neither.
std::optional<Date> start_day(std::string_view at, const MomentInputs& in);

}  // namespace okod
