#pragma once
// The command-line pieces every command that talks to okod's API shares: --url,
// --token-file and --config, and validators for what okod would refuse anyway (CBS
// codes, ids, times), so a bad argument is CLI11's message and exit code 2 before any
// request. Include from *_cli.hpp headers only (CLI11 is a heavy header).
#include <CLI/CLI.hpp>
#include <string>

#include "adapters/config/config.hpp"
#include "daemon/client/client_options.hpp"
#include "model/municipality.hpp"
#include "time/amsterdam.hpp"

namespace okod::client_cli {

inline CLI::Validator cbs_code() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            return is_cbs_code(text) ? std::string()
                                     : "'" + text + "' is not a CBS code (GM and four digits)";
        },
        "GMxxxx", "cbs code");
}

// A positive whole number: a task or instance id.
inline CLI::Validator id(const std::string& what) {
    return CLI::Validator(
        [what](std::string& text) -> std::string {
            const bool digits = !text.empty() && text.size() <= 18 &&
                                text.find_first_not_of("0123456789") == std::string::npos &&
                                text.find_first_not_of('0') != std::string::npos;
            return digits ? std::string() : "'" + text + "' is not " + what + " id (a number)";
        },
        "ID", what + " id");
}

// What okod reads as a moment: a day (YYYY-MM-DD), a local time in Amsterdam
// (2026-04-14T17:00) or an ISO 8601 time with offset.
inline CLI::Validator day_or_time() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            return parse_instant(text) || parse_local_date_time(text)
                       ? std::string()
                       : "'" + text +
                             "' is neither a day (2026-04-14), a local time (2026-04-14T17:00) nor an "
                             "ISO 8601 time (2026-04-14T17:00:00+02:00)";
        },
        "DATE|TIME", "date or time");
}

inline CLI::Validator not_blank(const std::string& what) {
    return CLI::Validator(
        [what](std::string& text) -> std::string {
            return text.find_first_not_of(" \t\r\n") == std::string::npos ? what + " is empty"
                                                                          : std::string();
        },
        "TEXT", "not blank");
}

inline CLI::Validator base_url() {
    return CLI::Validator([](std::string& text) { return url_problem(text); }, "URL", "url");
}

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
        ->check(base_url());
    token_file_option(sub, options);
}

// --url, --token-file and --config for the commands that only talk to the API.
inline void api_options(CLI::App* sub, ClientOptions& options) {
    sub->add_option("--url", options.url,
                    "okod's API, e.g. http://127.0.0.1:8470 (default: $OKOD_URL, then [http] "
                    "of --config)")
        ->check(base_url());
    token_file_option(sub, options);
    options.config = default_config_path();
    sub->add_option("--config", options.config,
                    "okod.toml whose [http] address to use when there is no --url or $OKOD_URL")
        ->capture_default_str();
}

}  // namespace okod::client_cli
