#pragma once
// `okoctl people export | erase` (AVG/GDPR art. 15 and 17; README "Persoonsgegevens /
// personal data"), on okod's store on its server like the other people commands: who
// may read the store is who may run them.
//   export  everything okod keeps about a person, as one JSON object (stdout or -o FILE)
//   erase   pseudonymises the person everywhere in the store, logged as person_erased;
//           refused while they hold a role (their leave comes first)
// Exit codes: 0 done (erasing an erased person again is done); 1 refused or not found,
// the config does not load or there is no store; 2 a bad argument (also --url: these
// work on the server only).
#include <iosfwd>
#include <string>

#include "daemon/commands/store_or_api_options.hpp"

namespace okod {

struct PeopleExportArgs {
    StoreOrApiOptions common;
    std::string id;
    std::string output;  // -o FILE; empty: stdout
};

struct PeopleEraseArgs {
    StoreOrApiOptions common;
    std::string id;
};

int run_people_export(const PeopleExportArgs& args, std::ostream& out, std::ostream& err);
int run_people_erase(const PeopleEraseArgs& args, std::ostream& out, std::ostream& err);

}  // namespace okod
