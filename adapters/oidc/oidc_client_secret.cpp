#include "adapters/oidc/oidc_client_secret.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace okod {

std::string load_oidc_client_secret(const std::filesystem::path& file) {
    const auto fail = [&](std::string_view problem) {
        return std::runtime_error(
            fmt::format("OIDC client secret file {}: {}", file.string(), problem));
    };
    std::ifstream in(file, std::ios::binary);
    if (!in) throw fail("cannot be read (missing, or no permission)");
    std::ostringstream content;
    content << in.rdbuf();
    std::string secret = content.str();
    while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
    if (secret.empty()) throw fail("is empty; it must hold the client secret alone");
    if (secret.find_first_of("\r\n") != std::string::npos)
        throw fail("has more than one line; it must hold the client secret alone");
    return secret;
}

}  // namespace okod
