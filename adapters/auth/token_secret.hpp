#pragma once
// API token secrets: making them, hashing them, and finding them in a request.
//
// A secret is "okod_" and 43 base64url characters (32 bytes from the OS's random
// generator); the prefix lets secret scanners and people recognise one. The store
// keeps only hash_token(secret); a request is authenticated by hashing the secret it
// presents and looking that hash up (Store::token_by_hash).
//
// Thread-safe: no state of its own (OpenSSL's generator is thread-safe).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace okod {

// A new secret. Throws std::runtime_error when the OS cannot supply randomness (never
// falls back to anything weaker).
std::string new_token_secret();

// A calendar feed's secret (issue 16): "okodcal_" and 43 base64url characters. It only
// opens one person's read-only feed (/ical/person/<secret>.ics), so a URL pasted into a
// calendar service gives no access to the API. Hashed with hash_token like a token.
std::string new_feed_secret();
inline constexpr std::string_view kFeedSecretPrefix = "okodcal_";
// An API token's prefix: a feed URL with one of these in it is refused, never looked up.
inline constexpr std::string_view kTokenSecretPrefix = "okod_";

// A browser session's secret, the value of the okod_session cookie: "okodsess_" and 43
// base64url characters. And a sign-in link's (/auth/link/<secret>): "okodlink_" and 43.
// Both are hashed with hash_token; neither works as a bearer token.
std::string new_session_secret();
std::string new_link_secret();
inline constexpr std::string_view kSessionSecretPrefix = "okodsess_";
inline constexpr std::string_view kLinkSecretPrefix = "okodlink_";
// The CSRF token of a session (daemon/api/session_auth.hpp): derived from its secret, so
// it needs no storage and a page on another site, which cannot read the cookie, cannot
// know it. Lowercase hex, 64 characters.
std::string csrf_token_of(std::string_view session_secret);

// Lowercase hex SHA-256 of the secret: 64 characters.
//
// No constant-time comparison is needed anywhere: the store is searched for the hash,
// never compared with the secret, and learning a hash's prefix by timing does not help
// to find a secret that hashes to it.
std::string hash_token(std::string_view secret);

// The secret in an Authorization header value, "Bearer <secret>": the scheme in any
// case, spaces and tabs around either part ignored. nullopt for another scheme, no
// secret, or a secret with whitespace inside.
std::optional<std::string> bearer_secret(std::string_view authorization_header);

// The path of the one-click links in e-mails (adapters/auth/mail_link.hpp), whose last
// segment is a credential too.
inline constexpr std::string_view kMailLinkPath = "/mail/afgerond/";

// `text` (a request target, say) with every token, feed, session and link secret in it
// cut to its prefix and "…" ("okod_…", "okodcal_…", "/mail/afgerond/…"), for logs:
// calendar apps put the secret in the URL, and a mail link is one.
std::string redact_token_secrets(std::string_view text);

}  // namespace okod
