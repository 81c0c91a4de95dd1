#pragma once
// One blocking HTTP request from okod to another server (an OpenID provider's
// discovery document, keys and token endpoint), over libcurl. Redirects are not
// followed, only http and https are spoken, and the answer is cut off past 1 MiB, so a
// misbehaving server cannot make okod wander or fill its memory.
//
// Thread-safe: every call has its own curl handle. It blocks for up to `timeout`:
// call it off the scheduler's strand.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace okod {

struct HttpExchangeResult {
    long status = 0;  // 0: no answer (error says why)
    std::string body;
    std::string error;  // libcurl's message, or "answer larger than 1 MiB"
};

// GET `url`.
HttpExchangeResult http_get(const std::string& url, std::chrono::seconds timeout);

// POST `form` (application/x-www-form-urlencoded) to `url` with extra request
// `headers` ("Name: value").
HttpExchangeResult http_post_form(const std::string& url, const std::string& form,
                                  const std::vector<std::string>& headers,
                                  std::chrono::seconds timeout);

// `text` percent-encoded for a query string or a form body: everything but RFC 3986's
// unreserved characters (A-Z a-z 0-9 - . _ ~) as %XX.
std::string url_encode(std::string_view text);

}  // namespace okod
