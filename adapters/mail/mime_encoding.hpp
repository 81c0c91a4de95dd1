#pragma once
// The encodings a mail needs on the wire: base64 bodies, RFC 2047 encoded-words for
// non-ASCII header text, mailbox syntax for display names, and CR/LF stripping so a
// value can never start a header of its own. Pure functions, thread-safe.
#include <string>
#include <string_view>

namespace okod {

std::string base64_encode(std::string_view bytes);
// Base64 in lines of at most 76 characters, each ending in CRLF (RFC 2045).
std::string base64_lines(std::string_view bytes);

// `value` with every CR and LF replaced by a space: header values come from
// configuration and definitions, and a newline in one would inject a header.
std::string header_safe(std::string_view value);

// Header text as is when it is plain printable ASCII, otherwise as
// "=?UTF-8?B?...?=" words of at most 64 characters (so "Subject: " plus a word fits
// in 78), folded with CRLF SP and never splitting a UTF-8 sequence.
std::string encode_header_text(std::string_view utf8);

// "Name <address>", "\"Name, Inc.\" <address>", "=?UTF-8?B?...?= <address>", or just
// "address" when the name is empty.
std::string format_mailbox(std::string_view name, std::string_view address);

// Line ends as CRLF, the canonical form of text/* bodies (RFC 2046).
std::string to_crlf(std::string_view text);

}  // namespace okod
