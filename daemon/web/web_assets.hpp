#pragma once
// The dashboard's static files, compiled into okod (daemon/web/static/). They need no
// token: the page asks for one and sends it with every API call it makes.
#include <optional>
#include <string_view>

#include "daemon/http/http_server.hpp"

namespace okod {

// The answer to GET/HEAD `path` ("/" is index.html), or nullopt when no such file.
// Carries the content type and headers that keep the page self-contained: a
// Content-Security-Policy allowing nothing but okod itself.
std::optional<HttpResponse> dashboard_file(std::string_view path);

}  // namespace okod
