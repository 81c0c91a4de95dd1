#pragma once
// The layout of okod's pages that work without the dashboard's script: the sign-in
// link's pages and the one-click "Afgerond" link's pages. The NL Design System's
// stylesheets that the dashboard uses (served at /ui/), one card with a heading, and
// the body given as HTML.
#include <string>

#include "model/text.hpp"

namespace okod {

// `title` is text (escaped here); `body_html` is HTML made by the caller.
std::string standalone_page(Language language, const std::string& title,
                            const std::string& body_html);

}  // namespace okod
