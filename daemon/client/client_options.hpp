#pragma once
// Where okoctl finds okod's API and its token, for every command that talks to it.
//
//   URL:   --url, else $OKOD_URL, else the [http] address and port of the config file
//          (--config, default $OKOD_CONFIG or /etc/okod/okod.toml).
//   Token: --token-file, else $OKOD_TOKEN, else $OKOD_TOKEN_FILE, else
//          $XDG_CONFIG_HOME/okod/token or ~/.config/okod/token when it exists.
//          Surrounding whitespace is dropped; a file others may read is warned about.
//
// `people` and `outbox` work on the local store unless api_mode() says the user named
// an API (--url or $OKOD_URL).
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

#include "daemon/client/api_client.hpp"

namespace okod {

struct ClientOptions {
    std::string url;                   // --url; empty: $OKOD_URL, then the config's [http]
    std::filesystem::path token_file;  // --token-file
    std::filesystem::path config;      // okod.toml to read [http] from
};

// --url given or $OKOD_URL set.
bool api_mode(const ClientOptions& options);

// "" when `text` is an http:// or https:// URL with a host, else why not.
std::string url_problem(const std::string& text);

struct Connected {
    std::optional<ApiClient> api;
    int exit_code = exit_code::ok;  // when there is no client: usage (no URL) or auth
};

// The URL and the token, or the problem printed to `err` (with where okoctl looked).
// Sends nothing: an unreachable okod shows at the first request.
Connected connect(const ClientOptions& options, std::ostream& err);

}  // namespace okod
