#pragma once
// [http] public_url: the address people reach okod at from outside (behind its TLS
// proxy), which the e-mails link to. Checked here so a typo is a start-up error with
// the file's line, not a mail full of broken links.
#include <optional>
#include <string>
#include <string_view>

namespace okod {

// Why `url` cannot be a public URL, or nullopt: it must be an absolute http(s) URL
// with a host, no query or fragment, no user info, no spaces or control characters.
std::optional<std::string> public_url_problem(std::string_view url);

// `url` without its trailing slashes, so paths are appended with one: "https://x/oko/".
std::string normalised_public_url(std::string_view url);

}  // namespace okod
