#pragma once
// Every check okoctl makes on a single argument while parsing, defined once: what okod
// would refuse anyway (CBS codes, ids, dates, times, FTE figures), so a bad argument is
// CLI11's precise message and exit code 2 before a store is opened or a request sent.
// Include from *_cli.hpp headers only (CLI11 is a heavy header).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <sstream>
#include <string>

#include "daemon/client/client_options.hpp"
#include "daemon/commands/fte_text.hpp"
#include "model/municipality.hpp"
#include "time/amsterdam.hpp"

namespace okod::cli_validators {

// FTE a person puts into a role: the engine refuses more (step_people.cpp).
inline constexpr double kMaxRoleFte = 1.5;

inline CLI::Validator cbs_code() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            return is_cbs_code(text) ? std::string()
                                     : "'" + text + "' is not a CBS code (GM and four digits)";
        },
        "GMxxxx", "cbs code");
}

// A positive whole number: a task, instance or token id. `hint` says where to find one.
inline CLI::Validator id(const std::string& what, const std::string& hint = "a number") {
    return CLI::Validator(
        [what, hint](std::string& text) -> std::string {
            const bool digits = !text.empty() && text.size() <= 18 &&
                                text.find_first_not_of("0123456789") == std::string::npos &&
                                text.find_first_not_of('0') != std::string::npos;
            return digits ? std::string() : "'" + text + "' is not " + what + " id (" + hint + ")";
        },
        "ID", what + " id");
}

inline CLI::Validator iso_date() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            return parse_date(text) ? std::string() : "'" + text + "' is not a date (YYYY-MM-DD)";
        },
        "YYYY-MM-DD", "date");
}

inline CLI::Validator iso_instant() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            return parse_instant(text)
                       ? std::string()
                       : "'" + text + "' is not an ISO 8601 time (e.g. 2026-03-02T09:00:00+01:00)";
        },
        "ISO-INSTANT", "instant");
}

// What okod reads as a moment: a day (YYYY-MM-DD), a local time in Amsterdam
// (2026-04-14T17:00) or an ISO 8601 time with offset.
inline CLI::Validator day_or_time() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            return parse_instant(text) || parse_local_date_time(text)
                       ? std::string()
                       : "'" + text +
                             "' is neither a day (2026-04-14), a local time (2026-04-14T17:00) "
                             "nor an ISO 8601 time (2026-04-14T17:00:00+02:00)";
        },
        "DATE|TIME", "date or time");
}

// Text with something in it; `problem` is the message when it is blank (default
// "<what> is empty").
inline CLI::Validator not_blank(const std::string& what, const std::string& problem = "") {
    return CLI::Validator(
        [message = problem.empty() ? what + " is empty" : problem](std::string& text) {
            return text.find_first_not_of(" \t\r\n") == std::string::npos ? message : std::string();
        },
        "TEXT", "not blank");
}

// An FTE figure from 0 to `max` (parse_fte: decimal comma or point), rewritten with a
// point so CLI11 reads it as a number when the option is one (use ->transform then).
// With `blank_clears`, "" passes too: `execution-plan set --fte ""` clears the estimate.
inline CLI::Validator fte(double max, bool blank_clears = false) {
    return CLI::Validator(
        [max, blank_clears](std::string& text) -> std::string {
            if (text.empty() && blank_clears) return {};
            const auto value = parse_fte(text);
            if (!value) return "'" + text + "' is not an FTE figure (a number like 0.4)";
            if (!(*value >= 0 && *value <= max)) {
                std::ostringstream bound;
                bound << max;  // 1.5, 100
                return "'" + text + "' is not between 0 and " + bound.str() + " fte";
            }
            std::replace(text.begin(), text.end(), ',', '.');
            return {};
        },
        "FTE", "fte");
}

// Whole euros, or "" to clear an estimate (execution-plan set).
inline CLI::Validator money() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            if (text.empty()) return {};
            const bool digits =
                text.size() <= 15 && text.find_first_not_of("0123456789") == std::string::npos;
            return digits ? std::string()
                          : "'" + text + "' is not a whole number of euros (e.g. 2500)";
        },
        "EUROS", "euros");
}

// An address okod's API answers at (client_options.hpp's url_problem).
inline CLI::Validator base_url() {
    return CLI::Validator([](std::string& text) { return url_problem(text); }, "URL", "url");
}

}  // namespace okod::cli_validators
