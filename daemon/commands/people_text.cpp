#include "daemon/commands/people_text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <ostream>

#include "model/capacity.hpp"

namespace okod {

std::string describe_period(const std::string& from, const std::optional<std::string>& until,
                            const std::optional<double>& fte) {
    std::string text = "from " + from;
    if (until) text += " to " + *until + " inclusive";
    if (fte) text += fmt::format(", {} fte", format_fte(*fte));
    return text;
}

void print_person_saved(const std::string& verb, const Person& p, std::ostream& out) {
    out << fmt::format("{} person {} ({}{}{})\n", verb, p.id, p.name,
                       p.email.empty() ? std::string() : " <" + p.email + ">",
                       p.language == Language::en ? ", English" : "");
    if (p.email.empty())
        out << "note: no e-mail address: reminders for the roles they hold cannot reach them "
               "(--email)\n";
}

void print_memberships(const std::string& person, const std::vector<std::string>& codes,
                       std::ostream& out) {
    out << fmt::format(
        "{} now belongs to {}\n", person,
        codes.empty() ? std::string("no municipality") : fmt::format("{}", fmt::join(codes, ", ")));
}

}  // namespace okod
