#pragma once
// RFC 4648 section 5 base64url, without padding: safe in headers, URLs and shell
// variables. For okod's secrets and signed links.
#include <optional>
#include <string>
#include <string_view>

namespace okod {

std::string base64url(const unsigned char* data, std::size_t n);
inline std::string base64url(std::string_view bytes) {
    return base64url(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}
// The bytes of unpadded base64url text; nullopt for any other character, padding, or a
// length no encoder makes.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace okod
