#pragma once
// `okoctl people link|unlink|feed-url` (issue 16): where a person belongs, and their
// calendar feed URL.
//   link      make a person a member of another municipality, so its regisseur may see,
//             assign and change them (an admin's act: okoctl on the server, or an admin
//             token through the API)
//   unlink    the reverse; refused while they hold a role there today or later
//   feed-url  a read-only calendar URL for the person (/ical/person/okodcal_....ics).
//             okod keeps only its hash, so the URL is shown once, when made; --rotate
//             makes a new one and the old stops working at once
//
// Locally they work on okod's store (one transaction each); with --url or $OKOD_URL
// through okod's API (POST/DELETE /api/v1/people/{id}/memberships, POST
// /api/v1/people/{id}/feed-url). Exit codes as for the other people commands.
#include <iosfwd>
#include <string>

#include "daemon/commands/store_or_api_options.hpp"

namespace okod {

struct PeopleLinkArgs {
    StoreOrApiOptions common;
    std::string person;
    std::string municipality;
};

struct PeopleFeedUrlArgs {
    StoreOrApiOptions common;
    std::string person;
    bool rotate = false;
    std::string public_url;  // how people reach okod; default the config's [http] address
};

int run_people_link(const PeopleLinkArgs& args, std::ostream& out, std::ostream& err);
int run_people_unlink(const PeopleLinkArgs& args, std::ostream& out, std::ostream& err);
int run_people_feed_url(const PeopleFeedUrlArgs& args, std::ostream& out, std::ostream& err);

}  // namespace okod
