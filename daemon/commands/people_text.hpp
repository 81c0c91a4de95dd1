#pragma once
// The sentences `okoctl people` prints about a change, whether it made the change on
// okod's store or through okod's API: one wording for both.
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "model/people.hpp"

namespace okod {

// "from 2026-04-01 to 2026-12-31 inclusive, 0,2 fte" (dates YYYY-MM-DD).
std::string describe_period(const std::string& from, const std::optional<std::string>& until,
                            const std::optional<double>& fte);

// "saved person maastricht-noor (Noor Peeters <noor@...>, English)" with `verb` "saved"
// or "updated", and a note when reminders cannot reach them (no e-mail address).
void print_person_saved(const std::string& verb, const Person& p, std::ostream& out);

// "maastricht-noor now belongs to GM0014, GM0935" (or "no municipality").
void print_memberships(const std::string& person, const std::vector<std::string>& codes,
                       std::ostream& out);

}  // namespace okod
