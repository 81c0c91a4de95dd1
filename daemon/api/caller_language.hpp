#pragma once
// The language okod answers a caller in (issue 19: "English selectable, all of it"):
// role, workflow and state names, and the messages of what it checks for them (a survey
// file's problems). The caller's own choice wins over what okod knows of them:
//   1. Accept-Language, the first of nl and en it prefers (the dashboard sends the
//      language chosen on the page; a browser its user's);
//   2. the language of the person the token or session is for;
//   3. Dutch.
#include <optional>
#include <string_view>

#include "model/text.hpp"

namespace okod {

struct RouteCall;

// nl or en from an Accept-Language header ("en-GB,en;q=0.9,nl;q=0.8" -> en), by the
// weights it gives; nullopt when it names neither (or only with q=0).
std::optional<Language> accepted_language(std::string_view header);

Language caller_language(const RouteCall& call);

}  // namespace okod
