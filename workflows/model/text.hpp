#pragma once
// User-facing text in the two languages okod speaks. Dutch is the default and is
// required in every definition; English falls back to Dutch when absent.
#include <optional>
#include <string>
#include <string_view>

namespace okod {

enum class Language { nl, en };

std::string_view to_string(Language l);
std::optional<Language> parse_language(std::string_view text);

struct Text {
    std::string nl;
    std::string en;
    const std::string& in(Language l) const { return (l == Language::en && !en.empty()) ? en : nl; }
    friend bool operator==(const Text&, const Text&) = default;
};

// Whether `s` is well-formed UTF-8: an import in another encoding (Excel's Windows-1252
// CSV) is refused, since its text would never match what the config says.
bool is_valid_utf8(std::string_view s);

// `s` with A-Z as a-z and every other byte as it is: for what compares without regard
// to case by its nature (e-mail addresses, HTTP header values, a search in titles).
std::string ascii_lower(std::string_view s);

}  // namespace okod
