#pragma once
// Stable names for a message. Everything here depends only on its input, so a message
// that is rendered again after a retry or a crash gets the same Message-ID, the same
// MIME boundary and the same .eml file name: a recipient (or a test) can recognise a
// duplicate as a duplicate.
#include <string>
#include <string_view>

namespace okod {

// 16 lowercase hex digits (FNV-1a, 64 bit). Not cryptographic: it only has to keep
// distinct outbox keys apart, never to resist someone choosing keys.
std::string short_hash(std::string_view text);

// "<okod.{short_hash(key)}@{domain of from_address}>"; "@okod" when the address has no
// domain.
std::string make_message_id(std::string_view key, std::string_view from_address);

}  // namespace okod
