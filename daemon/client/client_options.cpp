#include "daemon/client/client_options.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <ostream>
#include <sstream>
#include <vector>

#include "adapters/config/config.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string without_trailing_slashes(std::string url) {
    while (url.ends_with('/')) url.pop_back();
    return url;
}

void address_unknown(const std::string& why, std::ostream& err) {
    err << "okoctl: okod's API address is unknown: pass --url or set OKOD_URL (" << why << ")\n";
}

// The [http] section of okod's config: where okod listens, as seen from this machine.
std::optional<std::string> url_from_config(const fs::path& given, std::ostream& err) {
    const fs::path file = given.empty() ? default_config_path() : given;
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        address_unknown(fmt::format("no config file {} to read [http] from", file.string()), err);
        return std::nullopt;
    }
    auto loaded = load_config(file);
    if (!loaded.config) {
        for (const auto& e : loaded.errors) err << e.to_string() << '\n';
        address_unknown(fmt::format("{} does not load", file.string()), err);
        return std::nullopt;
    }
    const HttpConfig& http = loaded.config->http;
    if (!http.enabled) {
        address_unknown(fmt::format("{} has no [http] section: okod serves no API", file.string()),
                        err);
        return std::nullopt;
    }
    std::string host = http.address;
    if (host.empty() || host == "0.0.0.0") host = "127.0.0.1";  // every address: loopback too
    if (host == "::") host = "::1";
    if (host.find(':') != std::string::npos) host = "[" + host + "]";
    return fmt::format("http://{}:{}", host, http.port);
}

std::optional<std::string> resolve_url(const ClientOptions& options, std::ostream& err) {
    if (!options.url.empty()) {
        if (auto problem = url_problem(options.url); !problem.empty()) {
            err << "okoctl: --url: " << problem << '\n';
            return std::nullopt;
        }
        return without_trailing_slashes(options.url);
    }
    if (const auto from_env = env("OKOD_URL"); !from_env.empty()) {
        if (auto problem = url_problem(from_env); !problem.empty()) {
            err << "okoctl: OKOD_URL: " << problem << '\n';
            return std::nullopt;
        }
        return without_trailing_slashes(from_env);
    }
    return url_from_config(options.config, err);
}

struct TokenFound {
    std::string token;
    std::string source;
};

std::optional<TokenFound> read_token_file(const fs::path& file, const std::string& named_by,
                                          std::ostream& err) {
    std::ifstream in(file, std::ios::binary);
    std::error_code ec;
    if (!in || fs::is_directory(file, ec)) {
        err << fmt::format("okoctl: cannot read the token file {} ({})\n", file.string(), named_by);
        return std::nullopt;
    }
    std::stringstream text;
    text << in.rdbuf();
    std::string token = trimmed(text.str());
    if (token.empty()) {
        err << fmt::format("okoctl: the token file {} ({}) is empty\n", file.string(), named_by);
        return std::nullopt;
    }
    // Like ssh with a private key: a secret others can read is no longer only yours.
    const auto perms = fs::status(file, ec).permissions();
    if (!ec && (perms & (fs::perms::group_read | fs::perms::others_read)) != fs::perms::none)
        err << fmt::format(
            "okoctl: warning: the token file {} is readable by others (mode {:o}): chmod 600 {}\n",
            file.string(), static_cast<unsigned>(perms & fs::perms::mask), file.string());
    return TokenFound{std::move(token), file.string()};
}

std::optional<fs::path> default_token_file() {
    if (const auto xdg = env("XDG_CONFIG_HOME"); !xdg.empty()) return fs::path(xdg) / "okod/token";
    if (const auto home = env("HOME"); !home.empty()) return fs::path(home) / ".config/okod/token";
    return std::nullopt;
}

std::optional<TokenFound> resolve_token(const ClientOptions& options, std::ostream& err) {
    // The command line beats the environment, as everywhere.
    if (!options.token_file.empty())
        return read_token_file(options.token_file, "--token-file", err);
    if (auto token = trimmed(env("OKOD_TOKEN")); !token.empty())
        return TokenFound{std::move(token), "OKOD_TOKEN"};
    if (const auto file = env("OKOD_TOKEN_FILE"); !file.empty())
        return read_token_file(file, "OKOD_TOKEN_FILE", err);
    const auto fallback = default_token_file();
    std::error_code ec;
    if (fallback && fs::exists(*fallback, ec))
        return read_token_file(*fallback, "the default place", err);

    std::vector<std::string> looked{"no --token-file", "OKOD_TOKEN is not set",
                                    "OKOD_TOKEN_FILE is not set"};
    looked.push_back(fallback ? fmt::format("no file {}", fallback->string())
                              : std::string("neither XDG_CONFIG_HOME nor HOME is set"));
    err << fmt::format("okoctl: no API token: {}\n", fmt::join(looked, ", "));
    err << fmt::format(
        "okoctl: make one on okod's server with `okoctl tokens create --role regisseur "
        "--municipality GMxxxx --label \"my laptop\"` and put the secret it prints in "
        "OKOD_TOKEN or in {} (chmod 600)\n",
        fallback ? fallback->string() : std::string("a file named by --token-file"));
    return std::nullopt;
}

}  // namespace

bool api_mode(const ClientOptions& options) {
    return !options.url.empty() || !env("OKOD_URL").empty();
}

std::string url_problem(const std::string& text) {
    for (const std::string scheme : {"http://", "https://"}) {
        if (!text.starts_with(scheme)) continue;
        const auto host = text.substr(scheme.size());
        if (host.empty() || host.front() == '/' || host.front() == ':')
            return "'" + text + "' names no host";
        if (host.find_first_of(" ?#") != std::string::npos)
            return "'" + text + "' is not a base URL (no spaces, query or fragment)";
        return {};
    }
    return "'" + text + "' is not an http:// or https:// URL, e.g. http://127.0.0.1:8470";
}

Connected connect(const ClientOptions& options, std::ostream& err) {
    Connected c;
    const auto url = resolve_url(options, err);
    if (!url) {
        c.exit_code = exit_code::usage;
        return c;
    }
    auto token = resolve_token(options, err);
    if (!token) {
        c.exit_code = exit_code::auth;
        return c;
    }
    // A secret is one word: a second line or a comment would end up in the header.
    if (std::any_of(token->token.begin(), token->token.end(), [](char ch) {
            return std::isspace(static_cast<unsigned char>(ch)) ||
                   std::iscntrl(static_cast<unsigned char>(ch));
        })) {
        err << fmt::format(
            "okoctl: the token from {} has spaces or more than one line in it: "
            "put only the secret okoctl tokens create printed there\n",
            token->source);
        c.exit_code = exit_code::auth;
        return c;
    }
    c.api.emplace(ApiConnection{*url, std::move(token->token), std::move(token->source)}, err);
    return c;
}

}  // namespace okod
