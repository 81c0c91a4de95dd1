#include "adapters/auth/token_secret.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <cctype>
#include <stdexcept>

#include "adapters/auth/base64url.hpp"

namespace okod {
namespace {

constexpr std::string_view kPrefix = "okod_";
constexpr std::size_t kSecretBytes = 32;

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

}  // namespace

std::string new_token_secret() {
    std::array<unsigned char, kSecretBytes> bytes{};
    // RAND_bytes draws from the OS (getrandom) through OpenSSL's DRBG; 1 means success.
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        throw std::runtime_error("cannot make a token secret: the system gave no randomness");
    return std::string(kPrefix) + base64url(bytes.data(), bytes.size());
}

std::string new_feed_secret() {
    // The same 32 random bytes as a token's, behind another prefix.
    return std::string(kFeedSecretPrefix) + new_token_secret().substr(kPrefix.size());
}

std::string new_session_secret() {
    return std::string(kSessionSecretPrefix) + new_token_secret().substr(kPrefix.size());
}

std::string new_link_secret() {
    return std::string(kLinkSecretPrefix) + new_token_secret().substr(kPrefix.size());
}

std::string csrf_token_of(std::string_view session_secret) {
    return hash_token("okod-csrf\n" + std::string(session_secret));
}

std::string hash_token(std::string_view secret) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(secret.data(), secret.size(), digest.data(), &length, EVP_sha256(), nullptr) !=
        1)
        throw std::runtime_error("cannot hash a token: OpenSSL's SHA-256 failed");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex += kHex[digest[i] >> 4];
        hex += kHex[digest[i] & 15];
    }
    return hex;
}

std::optional<std::string> bearer_secret(std::string_view authorization_header) {
    const std::string_view value = trim(authorization_header);
    constexpr std::string_view kScheme = "bearer";
    if (value.size() <= kScheme.size() || !iequals(value.substr(0, kScheme.size()), kScheme) ||
        !is_space(value[kScheme.size()]))
        return std::nullopt;
    const std::string_view secret = trim(value.substr(kScheme.size()));
    if (secret.empty()) return std::nullopt;
    for (char c : secret)
        if (is_space(c)) return std::nullopt;
    return std::string(secret);
}

std::string redact_token_secrets(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::string_view prefix;
        for (std::string_view p : {kFeedSecretPrefix, kSessionSecretPrefix, kLinkSecretPrefix,
                                   kTokenSecretPrefix, kMailLinkPath})
            if (text.compare(i, p.size(), p) == 0) {
                prefix = p;
                break;
            }
        if (prefix.empty()) {
            out += text[i++];
            continue;
        }
        out += std::string(prefix) + "…";
        i += prefix.size();
        // The secret's alphabet is base64url (new_token_secret); a mail link's token is
        // two base64url parts joined by a dot.
        const bool link = prefix == kMailLinkPath;
        while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) ||
                                   text[i] == '-' || text[i] == '_' || (link && text[i] == '.')))
            ++i;
    }
    return out;
}

}  // namespace okod
