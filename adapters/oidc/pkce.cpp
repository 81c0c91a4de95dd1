#include "adapters/oidc/pkce.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>

#include "adapters/auth/base64url.hpp"
#include "adapters/auth/token_secret.hpp"

namespace okod {

std::string random_url_token() {
    std::array<unsigned char, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        throw std::runtime_error("no randomness from the operating system for a sign-in");
    return base64url(bytes.data(), bytes.size());
}

std::string s256_code_challenge(std::string_view code_verifier) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(code_verifier.data(), code_verifier.size(), digest.data(), &length, EVP_sha256(),
                   nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    return base64url(digest.data(), length);
}

}  // namespace okod
