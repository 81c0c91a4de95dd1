#pragma once
// The small HTML pages of signing in by e-mail (sign_in_routes.cpp), plain forms that
// work without the dashboard's script. Dutch, or English for a person who chose it
// (or a browser that asks for English first where the person is not known); "u"
// throughout.
#include <string>

#include "daemon/http/http_server.hpp"
#include "model/text.hpp"

namespace okod {

// After POST /auth/link from the form: the same words whether the address is known.
HttpResponse link_requested_page(Language language);
// GET /auth/link/<secret> of a live link: a button that POSTs to the same URL.
HttpResponse confirm_link_page(const std::string& secret, const std::string& person_name,
                               Language language);
// A link that is unknown, used or expired: says so, and offers a new one.
HttpResponse link_gone_page(Language language);
// A link whose person no longer holds a role, or a sign-in refused for another reason.
HttpResponse sign_in_refused_page(const std::string& reason, Language language);

}  // namespace okod
