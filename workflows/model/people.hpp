#pragma once
// People and the roles they hold. Work is addressed to roles; a role is resolved to
// the people holding it at the moment a reminder goes out, so hand-overs are followed.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/text.hpp"
#include "time/instant.hpp"

namespace okod {

// The roles the core itself knows by name (the rest are data, roles.toml), each defined
// here once. The regisseur gets vacancy alerts and escalations, is the capacity norm's
// project leader, and a regisseur API token is for whoever holds the role.
inline constexpr std::string_view kRegisseurRole = "regisseur";
// The steering group is alerted when there is no regisseur, and takes over the
// hand-over of a leaving regisseur.
inline constexpr std::string_view kSteeringGroupRole = "stuurgroep";
// The regisseur's manager (teamleider / afdelingshoofd): lateness escalates here.
inline constexpr std::string_view kManagerRole = "leidinggevende";
// The alderperson: the yearly report says whether the programme has one.
inline constexpr std::string_view kWethouderRole = "wethouder";

struct Person {
    std::string id;  // stable key chosen by the municipality, e.g. "maastricht-anna"
    std::string name;
    std::string email;
    Language language = Language::nl;
};

struct RoleAssignment {
    std::int64_t id = 0;
    std::string municipality;
    std::string role;  // role id from roles.toml, e.g. "regisseur"
    std::string person_id;
    Date from{};
    std::optional<Date> until;  // inclusive last day; nullopt = open-ended
    std::optional<double> fte;  // capacity put into the role; nullopt = not recorded

    bool covers(Date d) const { return from <= d && (!until || d <= *until); }
};

// A person belongs to a municipality (Store::add_membership): its regisseur may see,
// assign and change them. One person may belong to several, linked by an admin.
struct Membership {
    std::string person_id;
    std::string municipality;
};

}  // namespace okod
