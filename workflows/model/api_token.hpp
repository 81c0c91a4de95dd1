#pragma once
// A bearer token for okod's HTTP API: who may do what, for which municipalities.
//
// The secret is shown once when the token is made (okoctl tokens create) and never
// stored: the store keeps its SHA-256, and a request's token is found by hashing what
// it presents. What each role may do is in api_access.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "time/instant.hpp"

namespace okod {

// admin: everything, every municipality. regisseur: reads and writes its
// municipalities. stakeholder: the tasks of the roles its person holds (read,
// complete). council: reads summaries and reports of its municipalities.
enum class ApiRole { admin, regisseur, stakeholder, council };

std::string_view to_string(ApiRole r);
std::optional<ApiRole> parse_api_role(std::string_view text);
// "admin", "regisseur", "stakeholder", "council": what okoctl tokens create accepts.
std::vector<std::string> api_role_names();

struct ApiToken {
    std::int64_t id = 0;
    std::string hash;  // hex SHA-256 of the secret; the secret itself is never stored
    ApiRole role = ApiRole::council;
    std::vector<std::string> municipalities;  // CBS codes it may see; empty only for admin
    std::string person_id;  // stakeholder: whose tasks (the roles this person holds)
    std::string label;      // "Sanne's laptop"
    Instant created_at{};
    std::optional<Instant> revoked_at;
    std::optional<Instant> last_used_at;  // recorded at most once a minute (token_auth.cpp)
    // The first moment it no longer works; nullopt: it does not expire. Compared with the
    // wall clock, also when okod runs on a demo clock: access is about real days.
    std::optional<Instant> expires_at;

    bool active() const { return !revoked_at.has_value(); }
    bool expired(Instant wall_now) const { return expires_at && wall_now >= *expires_at; }
};

// What is wrong with a token's role, municipalities, person and label taken together,
// or "" when nothing is: an admin lists no municipality (it has them all), every other
// role at least one; a stakeholder names its person; the label is not blank. Whether
// the municipalities and the person exist is the caller's to check (it has the store).
std::string api_token_problem(const ApiToken& t);

}  // namespace okod
