#include "adapters/oidc/oidc_client.hpp"

#include <fmt/format.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <boost/json.hpp>

#include "adapters/curl/http_exchange.hpp"
#include "adapters/oidc/id_token.hpp"
#include "adapters/oidc/oidc_client_secret.hpp"
#include "adapters/oidc/pkce.hpp"

namespace okod {
namespace {

namespace json = boost::json;

bool is_url_token(std::string_view s) {
    if (s.size() != 43) return false;
    for (const char c : s)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_'))
            return false;
    return true;
}

std::string string_field(const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

// The body of an answer as a JSON object, or nullopt.
std::optional<json::object> json_object(const std::string& body) {
    boost::system::error_code ec;
    json::value v = json::parse(body, ec);
    if (ec || !v.is_object()) return std::nullopt;
    return std::move(v.get_object());
}

std::string basic_credentials(std::string_view id, std::string_view secret) {
    // RFC 6749 2.3.1: both form-encoded before they are joined and base64-encoded.
    const std::string joined = url_encode(id) + ":" + url_encode(secret);
    std::string out(4 * ((joined.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(joined.data()),
                                  static_cast<int>(joined.size()));
    out.resize(static_cast<std::size_t>(n));
    return "Authorization: Basic " + out;
}

bool same_secret(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

struct OidcClient::Provider {
    std::string issuer;
    std::string authorization_endpoint;
    std::string token_endpoint;
    std::string jwks_uri;
    std::string jwks_json;
};

std::string OidcPending::serialise() const { return state + "." + nonce + "." + code_verifier; }

std::optional<OidcPending> OidcPending::parse(std::string_view text) {
    const auto first = text.find('.');
    const auto second = first == std::string_view::npos ? first : text.find('.', first + 1);
    if (second == std::string_view::npos) return std::nullopt;
    OidcPending p{std::string(text.substr(0, first)),
                  std::string(text.substr(first + 1, second - first - 1)),
                  std::string(text.substr(second + 1))};
    if (!is_url_token(p.state) || !is_url_token(p.nonce) || !is_url_token(p.code_verifier))
        return std::nullopt;
    return p;
}

OidcClient::OidcClient(OidcConfig config, const Clock& clock)
    : OidcClient(config,
                 config.auth == OidcClientAuth::none
                     ? std::string()
                     : load_oidc_client_secret(config.client_secret_file),
                 clock) {}

OidcClient::OidcClient(OidcConfig config, std::string client_secret, const Clock& clock)
    : config_(std::move(config)), client_secret_(std::move(client_secret)), clock_(clock) {}

OidcClient::~OidcClient() = default;

OidcOutcome<OidcClient::Provider> OidcClient::provider() {
    using Outcome = OidcOutcome<Provider>;
    if (provider_) return {*provider_, {}, {}};
    std::string base = config_.issuer;
    if (base.ends_with('/')) base.pop_back();
    const std::string url = base + "/.well-known/openid-configuration";
    const auto answer = http_get(url, std::chrono::seconds{config_.timeout_seconds});
    if (answer.status != 200)
        return Outcome::refused(
            OidcRefusal::provider_unreachable,
            fmt::format("{}: {}", url,
                        answer.status ? fmt::format("HTTP {}", answer.status) : answer.error));
    const auto doc = json_object(answer.body);
    if (!doc)
        return Outcome::refused(OidcRefusal::provider_unreachable,
                                fmt::format("{}: not a JSON object", url));
    Provider p{string_field(*doc, "issuer"),
               string_field(*doc, "authorization_endpoint"),
               string_field(*doc, "token_endpoint"),
               string_field(*doc, "jwks_uri"),
               {}};
    // OpenID Connect Discovery 4.3: the document must name the issuer it was fetched for.
    if (p.issuer != config_.issuer)
        return Outcome::refused(OidcRefusal::provider_misconfigured,
                                fmt::format("{} names issuer '{}', not '{}' as configured", url,
                                            p.issuer, config_.issuer));
    for (const auto* endpoint : {&p.authorization_endpoint, &p.token_endpoint, &p.jwks_uri})
        if (!is_secure_or_loopback_url(*endpoint))
            return Outcome::refused(
                OidcRefusal::provider_misconfigured,
                fmt::format("{}: an endpoint is missing or not https: '{}'", url, *endpoint));
    if (const json::value* methods = doc->if_contains("code_challenge_methods_supported")) {
        const json::array* list = methods->if_array();
        if (!list || std::find(list->begin(), list->end(), json::value("S256")) == list->end())
            return Outcome::refused(OidcRefusal::provider_misconfigured,
                                    fmt::format("{}: the provider does not offer PKCE S256", url));
    }
    auto keys = fetch_keys(p.jwks_uri);
    if (!keys) return Outcome::refused(keys.refusal, keys.detail);
    p.jwks_json = std::move(*keys.value);
    provider_ = std::make_unique<Provider>(p);
    return {std::move(p), {}, {}};
}

OidcOutcome<std::string> OidcClient::fetch_keys(const std::string& jwks_uri) {
    using Outcome = OidcOutcome<std::string>;
    auto answer = http_get(jwks_uri, std::chrono::seconds{config_.timeout_seconds});
    if (answer.status != 200 || !json_object(answer.body))
        return Outcome::refused(
            OidcRefusal::provider_unreachable,
            fmt::format("{}: {}", jwks_uri,
                        answer.status ? fmt::format("HTTP {} or not a JSON object", answer.status)
                                      : answer.error));
    return {std::move(answer.body), {}, {}};
}

OidcOutcome<OidcStart> OidcClient::begin() {
    std::unique_lock lock(mutex_);
    auto p = provider();
    lock.unlock();
    if (!p) return OidcOutcome<OidcStart>::refused(p.refusal, p.detail);

    OidcStart start;
    start.pending = {random_url_token(), random_url_token(), random_url_token()};
    std::string scope;
    for (const auto& s : config_.scopes) scope += (scope.empty() ? "" : " ") + s;
    const std::string& endpoint = p.value->authorization_endpoint;
    start.authorization_url = fmt::format(
        "{}{}response_type=code&client_id={}&redirect_uri={}&scope={}&state={}&nonce={}"
        "&code_challenge={}&code_challenge_method=S256",
        endpoint, endpoint.find('?') == std::string::npos ? '?' : '&',
        url_encode(config_.client_id), url_encode(config_.redirect_uri), url_encode(scope),
        start.pending.state, start.pending.nonce, s256_code_challenge(start.pending.code_verifier));
    return {std::move(start), {}, {}};
}

OidcOutcome<std::string> OidcClient::exchange_code(const Provider& p, const OidcCallback& callback,
                                                   const OidcPending& pending) {
    using Outcome = OidcOutcome<std::string>;
    std::string form = fmt::format(
        "grant_type=authorization_code&code={}&redirect_uri={}"
        "&code_verifier={}",
        url_encode(callback.code), url_encode(config_.redirect_uri), pending.code_verifier);
    std::vector<std::string> headers;
    if (config_.auth == OidcClientAuth::client_secret_basic)
        headers.push_back(basic_credentials(config_.client_id, client_secret_));
    else
        form += "&client_id=" + url_encode(config_.client_id);
    if (config_.auth == OidcClientAuth::client_secret_post)
        form += "&client_secret=" + url_encode(client_secret_);

    const auto answer = http_post_form(p.token_endpoint, form, headers,
                                       std::chrono::seconds{config_.timeout_seconds});
    if (answer.status == 0)
        return Outcome::refused(OidcRefusal::provider_unreachable,
                                fmt::format("{}: {}", p.token_endpoint, answer.error));
    const auto doc = json_object(answer.body);
    if (!doc)
        return Outcome::refused(
            OidcRefusal::provider_unreachable,
            fmt::format("{}: HTTP {}, not a JSON object", p.token_endpoint, answer.status));
    if (answer.status != 200)
        return Outcome::refused(
            OidcRefusal::code_refused,
            fmt::format("the token endpoint answered HTTP {}: {}: {}", answer.status,
                        string_field(*doc, "error"), string_field(*doc, "error_description")));
    std::string id_token = string_field(*doc, "id_token");
    if (id_token.empty())
        return Outcome::refused(OidcRefusal::malformed_token,
                                "the token endpoint's answer has no id_token (scope openid?)");
    return {std::move(id_token), {}, {}};
}

OidcOutcome<OidcIdentity> OidcClient::finish(const OidcCallback& callback,
                                             const OidcPending& pending) {
    using Outcome = OidcOutcome<OidcIdentity>;
    if (!same_secret(callback.state, pending.state))
        return Outcome::refused(OidcRefusal::wrong_state,
                                "the callback's state is not the one this browser started with");
    if (!callback.error.empty())
        return Outcome::refused(OidcRefusal::provider_error,
                                fmt::format("the provider answered {}: {}", callback.error,
                                            callback.error_description));
    if (callback.code.empty())
        return Outcome::refused(OidcRefusal::provider_error, "the callback carries no code");
    // RFC 9207: a provider that names itself in the callback must be ours (mix-up attack).
    if (!callback.iss.empty() && callback.iss != config_.issuer)
        return Outcome::refused(OidcRefusal::wrong_issuer,
                                fmt::format("the callback comes from issuer '{}'", callback.iss));

    std::unique_lock lock(mutex_);
    auto p = provider();
    lock.unlock();
    if (!p) return Outcome::refused(p.refusal, p.detail);
    auto token = exchange_code(*p.value, callback, pending);
    if (!token) return Outcome::refused(token.refusal, token.detail);

    const IdTokenExpectations expected{p.value->issuer, config_.client_id, pending.nonce,
                                       std::chrono::seconds{config_.leeway_seconds}};
    auto checked = verify_id_token(*token.value, p.value->jwks_json, expected, clock_.now());
    if (!checked && checked.refusal == OidcRefusal::unknown_key) {
        auto keys = fetch_keys(p.value->jwks_uri);
        if (!keys) return Outcome::refused(keys.refusal, keys.detail);
        lock.lock();
        if (provider_) provider_->jwks_json = *keys.value;
        lock.unlock();
        checked = verify_id_token(*token.value, *keys.value, expected, clock_.now());
    }
    if (!checked) return Outcome::refused(checked.refusal, checked.detail);

    const json::object& claims = *checked.value;
    OidcIdentity who{string_field(claims, "sub"), string_field(claims, "email"),
                     string_field(claims, "name"), string_field(claims, "preferred_username"),
                     string_field(claims, config_.person_claim)};
    if (who.person_key.empty())
        return Outcome::refused(
            OidcRefusal::missing_claim,
            fmt::format("the ID token has no {} claim: add the scope or claim at the provider",
                        config_.person_claim));
    if (config_.person_claim == "email") {
        const json::value* verified = claims.if_contains("email_verified");
        if (verified && verified->is_bool() && !verified->get_bool())
            return Outcome::refused(OidcRefusal::email_not_verified,
                                    "the provider says this e-mail address is not verified");
    }
    return {std::move(who), {}, {}};
}

}  // namespace okod
