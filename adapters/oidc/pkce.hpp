#pragma once
// The random values of one sign-in and PKCE's S256 challenge (RFC 7636).
// Thread-safe: no state of its own.
#include <string>
#include <string_view>

namespace okod {

// 32 bytes from OpenSSL's CSPRNG as 43 base64url characters: a state, a nonce, or a
// PKCE code_verifier (43 to 128 characters of [A-Za-z0-9-._~]). Throws
// std::runtime_error when no randomness is to be had.
std::string random_url_token();

// BASE64URL(SHA-256(verifier)), the code_challenge for code_challenge_method=S256.
std::string s256_code_challenge(std::string_view code_verifier);

}  // namespace okod
