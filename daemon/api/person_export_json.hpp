#pragma once
// The JSON of `okoctl people export` (and GET /api/v1/people/{id}/export): a person's
// record (model/person_record.hpp) in the API's shapes, names rendered as the store has
// them now. One object:
//   {"person": {id, name, email, language, erased_at}, "exported_at",
//    "assignments": [...], "tasks": [...], "emails": [...], "events": [...],
//    "tokens": [{id, role, label, created_at, revoked_at, last_used_at}]}
#include <boost/json/value.hpp>

#include "definition/roles.hpp"
#include "model/person_record.hpp"

namespace okod {

boost::json::value person_export_json(const PersonRecord& r, const RoleCatalog& roles,
                                      const PersonNameOf& name_of, Instant now);

}  // namespace okod
