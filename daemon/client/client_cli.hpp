#pragma once
// The command-line pieces every command that talks to okod's API shares: --url,
// --token-file and --config. The checks on single arguments are in
// daemon/commands/cli_validators.hpp. Include from *_cli.hpp headers only (CLI11 is a
// heavy header).
#include <CLI/CLI.hpp>
#include <string>

#include "adapters/config/config.hpp"
#include "daemon/client/client_options.hpp"
#include "daemon/commands/cli_validators.hpp"

namespace okod::client_cli {

inline void token_file_option(CLI::App* sub, ClientOptions& options) {
    sub->add_option("--token-file", options.token_file,
                    "File with the API token (it wins over $OKOD_TOKEN; without either: "
                    "$OKOD_TOKEN_FILE, then ~/.config/okod/token)");
}

// --url and --token-file for `people` and `outbox`, which work on the local store
// unless a URL is given.
inline void connection_options(CLI::App* sub, ClientOptions& options) {
    sub->add_option("--url", options.url,
                    "Go through okod's API at this URL (e.g. https://oko.example.nl) instead "
                    "of its store; $OKOD_URL does the same")
        ->check(cli_validators::base_url());
    token_file_option(sub, options);
}

// --url, --token-file and --config for the commands that only talk to the API.
inline void api_options(CLI::App* sub, ClientOptions& options) {
    sub->add_option("--url", options.url,
                    "okod's API, e.g. http://127.0.0.1:8470 (default: $OKOD_URL, then [http] "
                    "of --config)")
        ->check(cli_validators::base_url());
    token_file_option(sub, options);
    options.config = default_config_path();
    sub->add_option("--config", options.config,
                    "okod.toml whose [http] address to use when there is no --url or $OKOD_URL")
        ->capture_default_str();
}

}  // namespace okod::client_cli
