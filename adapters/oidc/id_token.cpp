#include "adapters/oidc/id_token.hpp"

#include <cjose/cjose.h>
#include <fmt/format.h>
#include <openssl/crypto.h>

#include <boost/json.hpp>
#include <memory>

namespace okod {
namespace {

namespace json = boost::json;
using Outcome = OidcOutcome<json::object>;

struct JwkRelease {
    void operator()(cjose_jwk_t* k) const { cjose_jwk_release(k); }
};
struct JwsRelease {
    void operator()(cjose_jws_t* j) const { cjose_jws_release(j); }
};
using Jwk = std::unique_ptr<cjose_jwk_t, JwkRelease>;
using Jws = std::unique_ptr<cjose_jws_t, JwsRelease>;

const json::string* string_at(const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    return v ? v->if_string() : nullptr;
}

// The keys of the set that may have signed a token with `alg` and `kid` (empty kid: a
// provider with one key may leave it out).
std::vector<Jwk> candidate_keys(const json::object& jwks, std::string_view alg,
                                std::string_view kid) {
    std::vector<Jwk> out;
    const json::value* keys = jwks.if_contains("keys");
    if (!keys || !keys->is_array()) return out;
    for (const auto& entry : keys->get_array()) {
        const json::object* key = entry.if_object();
        if (!key) continue;
        const json::string* kty = string_at(*key, "kty");
        const json::string* crv = string_at(*key, "crv");
        const bool fits = alg == "RS256" ? (kty && *kty == "RSA")
                                         : (kty && *kty == "EC" && crv && *crv == "P-256");
        if (!fits) continue;
        if (const json::string* use = string_at(*key, "use"); use && *use != "sig") continue;
        if (const json::string* key_alg = string_at(*key, "alg"); key_alg && *key_alg != alg)
            continue;
        const json::string* key_kid = string_at(*key, "kid");
        if (!kid.empty() && (!key_kid || *key_kid != kid)) continue;
        const std::string text = json::serialize(*key);
        cjose_err err{};
        if (Jwk jwk{cjose_jwk_import(text.data(), text.size(), &err)})
            out.push_back(std::move(jwk));
    }
    return out;
}

std::optional<std::int64_t> seconds_at(const json::object& claims, std::string_view key) {
    const json::value* v = claims.if_contains(key);
    if (!v) return std::nullopt;
    if (v->is_int64()) return v->get_int64();
    if (v->is_uint64()) return static_cast<std::int64_t>(v->get_uint64());
    if (v->is_double()) return static_cast<std::int64_t>(v->get_double());
    return std::nullopt;
}

bool same_secret(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

Outcome check_claims(json::object claims, const IdTokenExpectations& expected, Instant now) {
    const json::string* iss = string_at(claims, "iss");
    if (!iss || *iss != expected.issuer)
        return Outcome::refused(OidcRefusal::wrong_issuer,
                                fmt::format("the ID token's issuer is '{}', not '{}'",
                                            iss ? std::string_view(*iss) : "", expected.issuer));

    std::vector<std::string_view> audiences;
    if (const json::value* aud = claims.if_contains("aud")) {
        if (const json::string* one = aud->if_string()) audiences.push_back(*one);
        if (const json::array* many = aud->if_array())
            for (const auto& a : *many)
                if (const json::string* s = a.if_string()) audiences.push_back(*s);
    }
    const bool for_us =
        std::find(audiences.begin(), audiences.end(), expected.client_id) != audiences.end();
    const json::string* azp = string_at(claims, "azp");
    if (!for_us || (azp && *azp != expected.client_id) || (audiences.size() > 1 && !azp))
        return Outcome::refused(
            OidcRefusal::wrong_audience,
            fmt::format("the ID token is not for client '{}'", expected.client_id));

    const json::string* sub = string_at(claims, "sub");
    const auto exp = seconds_at(claims, "exp");
    const auto iat = seconds_at(claims, "iat");
    if (!sub || sub->empty() || !exp || !iat)
        return Outcome::refused(OidcRefusal::missing_claim, "the ID token lacks sub, exp or iat");
    const std::int64_t t = now.time_since_epoch().count();
    const std::int64_t leeway = expected.leeway.count();
    if (t > *exp + leeway)
        return Outcome::refused(OidcRefusal::expired,
                                fmt::format("the ID token expired {} s ago", t - *exp));
    const auto nbf = seconds_at(claims, "nbf");
    if (*iat > t + leeway || (nbf && *nbf > t + leeway))
        return Outcome::refused(OidcRefusal::not_yet_valid,
                                "the ID token is dated in the future: are the clocks right?");

    const json::string* nonce = string_at(claims, "nonce");
    if (!nonce || !same_secret(*nonce, expected.nonce))
        return Outcome::refused(OidcRefusal::wrong_nonce,
                                "the ID token's nonce is not the one this sign-in sent");
    return {std::move(claims), {}, {}};
}

}  // namespace

Outcome verify_id_token(std::string_view token, std::string_view jwks_json,
                        const IdTokenExpectations& expected, Instant now) {
    cjose_err err{};
    Jws jws{cjose_jws_import(token.data(), token.size(), &err)};
    if (!jws)
        return Outcome::refused(OidcRefusal::malformed_token,
                                fmt::format("the ID token is not a signed JWT ({})",
                                            err.message ? err.message : "cjose"));
    cjose_header_t* header = cjose_jws_get_protected(jws.get());
    const char* alg_c = header ? cjose_header_get(header, CJOSE_HDR_ALG, &err) : nullptr;
    const char* kid_c = header ? cjose_header_get(header, CJOSE_HDR_KID, &err) : nullptr;
    const std::string_view alg = alg_c ? alg_c : "";
    const std::string_view kid = kid_c ? kid_c : "";
    if (alg != "RS256" && alg != "ES256")
        return Outcome::refused(OidcRefusal::unsupported_algorithm,
                                fmt::format("the ID token is signed with '{}'; okod accepts "
                                            "RS256 and ES256",
                                            alg));

    boost::system::error_code ec;
    const json::value jwks = json::parse(jwks_json, ec);
    if (ec || !jwks.is_object())
        return Outcome::refused(OidcRefusal::provider_unreachable,
                                "the provider's key set (jwks_uri) is not a JSON object");
    const std::vector<Jwk> keys = candidate_keys(jwks.get_object(), alg, kid);
    if (keys.empty())
        return Outcome::refused(
            OidcRefusal::unknown_key,
            fmt::format("no {} key with kid '{}' in the provider's key set", alg, kid));
    bool verified = false;
    for (const auto& key : keys) {
        cjose_err verify_err{};
        if (cjose_jws_verify(jws.get(), key.get(), &verify_err)) {
            verified = true;
            break;
        }
    }
    if (!verified)
        return Outcome::refused(OidcRefusal::bad_signature,
                                "the ID token's signature does not verify with the provider's key");

    uint8_t* plaintext = nullptr;
    size_t length = 0;
    if (!cjose_jws_get_plaintext(jws.get(), &plaintext, &length, &err))
        return Outcome::refused(OidcRefusal::malformed_token, "the ID token has no payload");
    const json::value claims =
        json::parse(std::string_view(reinterpret_cast<const char*>(plaintext), length), ec);
    if (ec || !claims.is_object())
        return Outcome::refused(OidcRefusal::malformed_token,
                                "the ID token's payload is not a JSON object");
    return check_claims(claims.get_object(), expected, now);
}

}  // namespace okod
