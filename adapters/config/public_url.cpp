#include "adapters/config/public_url.hpp"

#include <fmt/format.h>

namespace okod {

std::optional<std::string> public_url_problem(std::string_view url) {
    const auto why = [&](std::string_view what) {
        return fmt::format(
            "public_url must be an absolute http(s) URL such as "
            "\"https://oko.maastricht.nl\" ({}), not '{}'",
            what, url);
    };
    std::string_view rest;
    if (url.starts_with("https://"))
        rest = url.substr(8);
    else if (url.starts_with("http://"))
        rest = url.substr(7);
    else
        return why("it starts with https:// or http://");
    for (const char c : url)
        if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' ||
            c == '\\')
            return why("no spaces, quotes or control characters");
    if (url.find('?') != std::string_view::npos) return why("no query");
    if (url.find('#') != std::string_view::npos) return why("no fragment");
    const std::string_view host = rest.substr(0, rest.find('/'));
    if (host.empty() || host.front() == ':') return why("it names a host");
    if (host.find('@') != std::string_view::npos) return why("no user name or password");
    return std::nullopt;
}

std::string normalised_public_url(std::string_view url) {
    while (url.ends_with('/')) url.remove_suffix(1);
    return std::string(url);
}

}  // namespace okod
