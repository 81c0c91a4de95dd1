#include "model/text.hpp"

namespace okod {

std::string_view to_string(Language l) { return l == Language::en ? "en" : "nl"; }

std::optional<Language> parse_language(std::string_view text) {
    if (text == "nl") return Language::nl;
    if (text == "en") return Language::en;
    return std::nullopt;
}

}  // namespace okod
