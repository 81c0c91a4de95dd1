#pragma once
// Guards: the named conditions transitions and tasks can depend on. A fixed vocabulary
// (documented in workflows/README.md) so that a typo is a load error, not a silent false.
#include <optional>
#include <string>
#include <string_view>

namespace okod {

struct Municipality;
struct Instance;
struct Definition;

// The municipality date that says until when the GGD agreement for the extra survey runs.
inline constexpr std::string_view kGgdAgreementUntil = "ggd_agreement_until";
// A guard the engine evaluates itself because it needs the store: nobody holds the
// handed-over role on the day after the leave date.
inline constexpr std::string_view kRoleVacantGuard = "role_vacant";
// The year's council report (report_due) comes at least the definition's setting
// first_report_months after the instance started: no report weeks into a trajectory.
inline constexpr std::string_view kReportAfterStartUp = "report_after_start_up";
inline constexpr std::string_view kFirstReportMonths = "first_report_months";

struct GuardExpr {
    bool negated = false;
    // "survey_year", "last_year", "first_period", "report_after_start_up",
    // "needs_ggd_agreement", "role_vacant", "has_<list>", "runs_<workflow id>", or
    // "<name>_year" for a rhythm the definition declares in its [settings]
    std::string name;
};

// Parses "survey_year" / "not survey_year"; nullopt when malformed.
std::optional<GuardExpr> parse_guard(std::string_view text);
// Is `name` a guard the engine knows, given the lists a definition declares?
bool is_known_guard(const GuardExpr& g, const Definition& d);
// Is `calendar_year` one of the municipality's survey years (every survey_every_years
// from the trajectory start)? The guard survey_year, and the report's next survey.
bool is_survey_year(const Municipality& m, int calendar_year);
// Evaluates a guard for an instance (empty text = true).
bool guard_holds(std::string_view text, const Definition& d, const Instance& i,
                 const Municipality& m);

}  // namespace okod
