#pragma once
// What `okoctl people list` shows, whether it read okod's store (people_list.cpp) or
// asked okod's API (people_list_from_json): one line per holder and per vacant role,
// and the capacity against the norm. One renderer prints it as a table or as JSON lines.
#include <boost/json/fwd.hpp>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace okod {

// A holder of a role, or (vacant) a role nobody holds on the day.
struct PeopleListLine {
    std::string role;
    std::string role_name;  // Dutch, from the role catalogue
    bool vacant = false;
    // The rest only for a holder.
    std::string person;
    std::string name;
    std::string email;
    std::string language = "nl";
    std::string from;                  // YYYY-MM-DD
    std::optional<std::string> until;  // YYYY-MM-DD inclusive; nullopt: open-ended
    std::optional<double> fte;         // nullopt: not recorded
    bool holds_on_day = true;          // false only in --history, for another period

    static PeopleListLine vacancy(std::string role, std::string role_name) {
        PeopleListLine l;
        l.role = std::move(role);
        l.role_name = std::move(role_name);
        l.vacant = true;
        return l;
    }
};

struct PeopleListCapacity {
    bool recorded = false;  // any FTE recorded on the roles held that day
    double total_fte = 0;
    double regisseur_fte = 0;
    double norm_total_fte = 0;
    double norm_regisseur_fte = 0;
    bool below_norm = false;
};

struct PeopleListView {
    std::string municipality;       // CBS code
    std::string municipality_name;  // "" through the API, which does not send it
    std::string on;                 // YYYY-MM-DD
    bool history = false;           // every assignment with its period, no vacancies
    std::vector<PeopleListLine> lines;
    std::optional<PeopleListCapacity> capacity;  // nullopt: okod sent none
};

// "1,2 fte (norm 1,5), regisseur 0,6 fte (norm 0,6) BELOW NORM", or "no FTE recorded":
// the capacity as `people list` and `municipalities show` say it.
std::string capacity_text(const PeopleListCapacity& c);
// okod's JSON of a capacity ({recorded, total_fte, ..., below_norm}); nullopt when
// `capacity` is not an object.
std::optional<PeopleListCapacity> capacity_from_json(const boost::json::value& capacity);

// GET /api/v1/people's answer ({municipality, on, assignments, vacancies, capacity}).
PeopleListView people_list_from_json(const boost::json::value& body);

// Orders the lines as a reader looks for them: by the role's Dutch name, a role's
// holders before its vacancy, then by first day and person.
void sort_people_list(PeopleListView& view);

// The table with a heading and the capacity line; or with `json` one object per line:
// {"kind": "assignment"|"vacancy", ...} then {"kind": "capacity", ...} (people_cli.hpp
// documents the fields). FTE figures as plain decimals (0.4), rounded to hundredths.
void print_people_list(const PeopleListView& view, bool json, std::ostream& out);

}  // namespace okod
