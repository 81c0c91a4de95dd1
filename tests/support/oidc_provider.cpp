#include "support/oidc_provider.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <boost/json.hpp>
#include <regex>

namespace okod::test {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;

size_t append(char* data, size_t size, size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}

std::string attribute(const std::string& tag, const std::string& name) {
    std::smatch m;
    const std::regex re("\\b" + name + "=\"([^\"]*)\"");
    return std::regex_search(tag, m, re) ? m[1].str() : std::string();
}

std::string form_encode(CURL* curl, const std::vector<std::pair<std::string, std::string>>& kv) {
    std::string out;
    for (const auto& [k, v] : kv) {
        char* ek = curl_easy_escape(curl, k.c_str(), static_cast<int>(k.size()));
        char* ev = curl_easy_escape(curl, v.c_str(), static_cast<int>(v.size()));
        out += (out.empty() ? "" : "&") + std::string(ek) + "=" + ev;
        curl_free(ek);
        curl_free(ev);
    }
    return out;
}

}  // namespace

bool oidc_provider_installed() {
    return std::filesystem::exists(source_path("tests/oidc/node_modules/oidc-provider"));
}

OidcTestProvider::OidcTestProvider(std::vector<OidcTestClient> clients,
                                   std::vector<OidcTestAccount> accounts)
    : clients_(std::move(clients)), accounts_(std::move(accounts)), port_(free_loopback_port()) {
    issuer_ = "http://127.0.0.1:" + std::to_string(port_);
    start();
}

OidcTestProvider::~OidcTestProvider() = default;

std::string OidcTestProvider::log() const { return read_file(dir_ / "provider.log"); }

void OidcTestProvider::start() {
    json::array clients;
    for (const auto& c : clients_)
        clients.push_back(json::object{{"client_id", c.client_id},
                                       {"client_secret", c.client_secret},
                                       {"redirect_uris", json::array{json::value(c.redirect_uri)}},
                                       {"token_endpoint_auth_method", c.auth_method},
                                       {"id_token_signed_response_alg", c.id_token_alg}});
    json::array accounts;
    for (const auto& a : accounts_)
        accounts.push_back(json::object{{"login", a.login},
                                        {"email", a.email},
                                        {"name", a.name},
                                        {"email_verified", a.email_verified}});
    const json::object settings{{"port", port_}, {"clients", clients}, {"accounts", accounts}};
    const auto log_file = dir_ / "provider.log";
    write_file(log_file, "");
    process_ = std::make_unique<ChildProcess>(
        "/usr/bin/env",
        std::vector<std::string>{"node", source_path("tests/oidc/provider.mjs").string(),
                                 json::serialize(settings)},
        log_file);
    const std::string ready = "listening on " + issuer_;
    const bool up = wait_until(
        [&] { return !process_->running() || log().find(ready) != std::string::npos; }, 30s);
    if (!up || !process_->running())
        throw std::runtime_error("the OpenID test provider did not start:\n" + log());
}

void OidcTestProvider::restart() {
    process_->signal(SIGTERM);
    if (!process_->wait_for(10s)) process_->kill_hard();
    start();
}

std::string sign_in_at_provider(const std::string& authorization_url, const std::string& login,
                                const std::string& redirect_uri) {
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> handle(curl_easy_init(),
                                                               &curl_easy_cleanup);
    CURL* curl = handle.get();
    curl_easy_setopt(curl, CURLOPT_COOKIEFILE, "");  // an in-memory cookie jar
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &append);
    std::string url = authorization_url;
    std::string post;  // empty: GET
    for (int step = 0; step < 12; ++step) {
        std::string body;
        curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
        if (post.empty()) {
            curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
        } else {
            curl_easy_setopt(curl, CURLOPT_POSTFIELDS, post.c_str());
        }
        const CURLcode rc = curl_easy_perform(curl);
        if (rc != CURLE_OK) {
            ADD_FAILURE() << url << ": " << curl_easy_strerror(rc);
            return "";
        }
        long status = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        if (status >= 300 && status < 400) {
            char* location = nullptr;
            curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &location);
            if (!location) break;
            url = location;
            post.clear();
            if (url.starts_with(redirect_uri)) return url;
            continue;
        }
        // A page with a form (login, then consent): post what a person would.
        std::smatch form;
        if (status != 200 || !std::regex_search(body, form, std::regex("<form[^>]*>"))) {
            ADD_FAILURE() << url << " answered " << status << " without a form:\n" << body;
            return "";
        }
        const std::string action = attribute(form[0].str(), "action");
        std::vector<std::pair<std::string, std::string>> fields;
        const std::regex input("<input[^>]*>");
        for (auto it = std::sregex_iterator(body.begin(), body.end(), input);
             it != std::sregex_iterator(); ++it) {
            const std::string tag = it->str();
            const std::string name = attribute(tag, "name");
            if (name == "login")
                fields.emplace_back(name, login);
            else if (name == "password")
                fields.emplace_back(name, "any password");
            else if (!name.empty())
                fields.emplace_back(name, attribute(tag, "value"));
        }
        const auto origin_end = url.find('/', url.find("//") + 2);
        url = action.starts_with("http") ? action : url.substr(0, origin_end) + action;
        post = form_encode(curl, fields);
    }
    ADD_FAILURE() << "the provider never sent the browser back to " << redirect_uri;
    return "";
}

std::string query_parameter(const std::string& url, const std::string& name) {
    const auto q = url.find('?');
    if (q == std::string::npos) return "";
    std::string rest = url.substr(q + 1);
    std::size_t start = 0;
    while (start <= rest.size()) {
        auto end = rest.find('&', start);
        if (end == std::string::npos) end = rest.size();
        const std::string pair = rest.substr(start, end - start);
        const auto eq = pair.find('=');
        if (pair.substr(0, eq) == name && eq != std::string::npos) {
            int length = 0;
            const std::string raw = pair.substr(eq + 1);
            char* decoded =
                curl_easy_unescape(nullptr, raw.c_str(), static_cast<int>(raw.size()), &length);
            std::string value(decoded, static_cast<std::size_t>(length));
            curl_free(decoded);
            return value;
        }
        start = end + 1;
    }
    return "";
}

void add_oidc_section(const std::filesystem::path& config_dir, const std::string& issuer,
                      const std::string& redirect_uri) {
    const auto secret = config_dir / "oidc-secret";
    write_file(secret, "okod-secret\n");
    std::filesystem::permissions(
        secret, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    write_file(config_dir / "okod.toml",
               read_file(config_dir / "okod.toml") +
                   fmt::format("[oidc]\nissuer = \"{}\"\nclient_id = \"okod\"\n"
                               "client_secret_file = \"oidc-secret\"\nredirect_uri = \"{}\"\n",
                               issuer, redirect_uri));
}

}  // namespace okod::test
