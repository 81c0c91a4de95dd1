#include "adapters/mail/message_id.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace okod {

std::string short_hash(std::string_view text) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return fmt::format("{:016x}", h);
}

std::string make_message_id(std::string_view key, std::string_view from_address) {
    const auto at = from_address.rfind('@');
    std::string_view domain = at == std::string_view::npos ? "" : from_address.substr(at + 1);
    // A domain with characters that cannot appear in a msg-id would make the header
    // unparseable; fall back rather than send a broken Message-ID.
    for (char c : domain)
        if (c <= ' ' || c == '<' || c == '>' || c == '@' || c == '"' || c == 0x7f) domain = "";
    if (domain.empty()) domain = "okod";
    return fmt::format("<okod.{}@{}>", short_hash(key), domain);
}

}  // namespace okod
