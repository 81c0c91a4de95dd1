#include "adapters/auth/mail_link.hpp"

#include <fmt/format.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>
#include <charconv>
#include <stdexcept>
#include <vector>

#include "adapters/auth/base64url.hpp"
#include "adapters/auth/token_secret.hpp"
#include "model/store.hpp"

namespace okod {
namespace {

constexpr std::string_view kVersion = "v1";
constexpr const char* kKeyName = "mail_link_key";

std::string signature(std::string_view payload, std::string_view key) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char*>(payload.data()), payload.size(), mac.data(),
              &length))
        throw std::runtime_error("cannot sign a mail link: OpenSSL's HMAC-SHA256 failed");
    return std::string(reinterpret_cast<const char*>(mac.data()), length);
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    for (std::size_t at = 0;;) {
        const auto end = text.find(separator, at);
        parts.push_back(text.substr(at, end == std::string_view::npos ? end : end - at));
        if (end == std::string_view::npos) return parts;
        at = end + 1;
    }
}

template <typename Int>
std::optional<Int> number(std::string_view text) {
    Int v{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return v;
}

std::optional<MailLinkClaim> parse_payload(std::string_view payload) {
    const auto parts = split(payload, '|');
    if (parts.size() != 5 || parts[0] != kVersion || parts[1].empty() || parts[3].empty())
        return std::nullopt;
    const auto task = number<std::int64_t>(parts[2]);
    const auto expires = number<std::int64_t>(parts[4]);
    if (!task || !expires) return std::nullopt;
    return MailLinkClaim{std::string(parts[1]), *task, std::string(parts[3]),
                         Instant{std::chrono::seconds{*expires}}};
}

}  // namespace

std::string sign_mail_link(const MailLinkClaim& claim, std::string_view key) {
    if (claim.purpose.find('|') != std::string::npos ||
        claim.person_id.find('|') != std::string::npos)
        throw std::invalid_argument("a mail link's purpose and person id cannot contain '|'");
    const std::string payload =
        fmt::format("{}|{}|{}|{}|{}", kVersion, claim.purpose, claim.task_id, claim.person_id,
                    claim.expires.time_since_epoch().count());
    return base64url(payload) + "." + base64url(signature(payload, key));
}

MailLinkCheck check_mail_link(std::string_view token, std::string_view key,
                              std::string_view purpose, Instant now) {
    MailLinkCheck check;
    const auto dot = token.find('.');
    const auto payload = base64url_decode(token.substr(0, dot));
    const auto mac =
        dot == std::string_view::npos ? std::nullopt : base64url_decode(token.substr(dot + 1));
    if (!payload || !mac) {
        check.fault = MailLinkFault::malformed;
        return check;
    }
    const std::string expected = signature(*payload, key);
    if (mac->size() != expected.size() ||
        CRYPTO_memcmp(mac->data(), expected.data(), expected.size()) != 0) {
        check.fault = MailLinkFault::forged;
        return check;
    }
    check.claim = parse_payload(*payload);
    if (!check.claim)
        check.fault = MailLinkFault::malformed;
    else if (check.claim->purpose != purpose)
        check.fault = MailLinkFault::other_purpose;
    else if (now >= check.claim->expires)
        check.fault = MailLinkFault::expired;
    return check;
}

std::string mail_link_id(std::string_view token) { return hash_token(token); }

std::string mail_link_key(Store& store) {
    if (auto key = stored_mail_link_key(store)) return *key;
    std::array<unsigned char, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        throw std::runtime_error("cannot make the mail-link key: the system gave no randomness");
    const std::string key = base64url(bytes.data(), bytes.size());
    auto tx = store.begin();
    store.set_meta(kKeyName, key);
    tx->commit();
    return key;
}

std::optional<std::string> stored_mail_link_key(Store& store) {
    auto key = store.meta(kKeyName);
    if (key && key->empty()) return std::nullopt;
    return key;
}

}  // namespace okod
