#pragma once
// People, the municipalities they belong to (memberships) and the roles they hold in
// them (assignments).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/people.hpp"
#include "model/store/store_refusal.hpp"
#include "time/instant.hpp"

namespace okod {

class PeopleStore {
public:
    virtual ~PeopleStore() = default;

    // An erased person's row stays as a tombstone with a pseudonym (model/personal_data.hpp):
    // upsert_person leaves it as it is, so neither a config file nor okoctl brings the
    // person back under that id.
    virtual void upsert_person(const Person& p) = 0;
    virtual std::optional<Person> person(const std::string& id) = 0;
    // Unbounded: every person of every municipality, by id (issue 18 bounds it).
    virtual std::vector<Person> all_people() = 0;
    virtual std::optional<Instant> person_erased_at(const std::string& id) = 0;
    virtual std::int64_t erased_people_count() = 0;

    // Inserts, or, when an assignment with the same municipality, role, person and from
    // exists, sets its end date (a holder who announced leaving); returns the row's id.
    virtual std::int64_t add_assignment(const RoleAssignment& a) = 0;
    // The row with a.id; throws StoreRefusal (not_found) when there is none.
    virtual void update_assignment(const RoleAssignment& a) = 0;
    virtual std::vector<RoleAssignment> assignments_of_municipality(
        const std::string& municipality) = 0;  // by role, person, from
    // People holding `role` in `municipality` on day `on`, ordered by person id.
    // Every role the person holds or held, anywhere: by municipality, role, from.
    virtual std::vector<RoleAssignment> assignments_of_person(const std::string& person_id) = 0;
    virtual std::vector<Person> holders_of_role(const std::string& municipality,
                                                const std::string& role, Date on) = 0;

    // Memberships (issue 16): the municipalities a person belongs to. A regisseur reads,
    // assigns and changes only people of its own municipalities; an admin links a person
    // into another one. Adding one that exists changes nothing; the person must exist.
    virtual void add_membership(const std::string& person_id, const std::string& municipality) = 0;
    // Refused (not_found) when the person was no member there.
    virtual StoreWrite remove_membership(const std::string& person_id,
                                         const std::string& municipality) = 0;
    virtual std::vector<std::string> memberships_of_person(
        const std::string& person_id) = 0;  // municipality codes, sorted
    virtual std::vector<std::string> members_of_municipality(
        const std::string& municipality) = 0;  // person ids, sorted
};

}  // namespace okod
