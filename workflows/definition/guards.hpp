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

struct GuardExpr {
    bool negated = false;
    std::string name;   // "survey_year", "last_year", "has_<list>"
};

// Parses "survey_year" / "not survey_year"; nullopt when malformed.
std::optional<GuardExpr> parse_guard(std::string_view text);
// Is `name` a guard the engine knows, given the lists a definition declares?
bool is_known_guard(const GuardExpr& g, const Definition& d);
// Evaluates a guard for an instance (empty text = true).
bool guard_holds(std::string_view text, const Definition& d, const Instance& i,
                 const Municipality& m);

}  // namespace okod
