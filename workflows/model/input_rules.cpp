#include "model/input_rules.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace okod {
namespace {

// The code point starting at text[i] and its length in bytes; length 0 when the bytes
// there are not well-formed UTF-8 (overlong forms and surrogates included).
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) return {b0, 1};
    std::size_t n = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0)
        n = 2, cp = b0 & 0x1F, min = 0x80;
    else if ((b0 & 0xF0) == 0xE0)
        n = 3, cp = b0 & 0x0F, min = 0x800;
    else if ((b0 & 0xF8) == 0xF0)
        n = 4, cp = b0 & 0x07, min = 0x10000;
    else
        return {0, 0};
    if (i + n > text.size()) return {0, 0};
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return {0, 0};
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
    return {cp, n};
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// RFC 5322 atext.
bool is_atext(char c) {
    static constexpr std::string_view specials = "!#$%&'*+-/=?^_`{|}~";
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           specials.find(c) != std::string_view::npos;
}

// dot-atom-text: atext+ ("." atext+)*
bool is_dot_atom(std::string_view s) {
    if (s.empty() || s.front() == '.' || s.back() == '.') return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '.') {
            if (s[i + 1] == '.') return false;
        } else if (!is_atext(s[i])) {
            return false;
        }
    }
    return true;
}

// One or more DNS labels (letters, digits, hyphens inside), at most 253 characters.
bool is_domain(std::string_view s) {
    if (s.empty() || s.size() > 253) return false;
    std::size_t start = 0;
    for (;;) {
        const auto dot = s.find('.', start);
        const auto label =
            s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            return false;
        for (const char c : label)
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-'))
                return false;
        if (dot == std::string_view::npos) return true;
        start = dot + 1;
    }
}

}  // namespace

std::optional<std::string> text_problem(std::string_view field, std::string_view text,
                                        TextKind kind) {
    for (std::size_t i = 0; i < text.size();) {
        const auto [cp, n] = decode(text, i);
        if (n == 0)
            return fmt::format("{}: is not valid UTF-8 (byte {} of the text)", field, i + 1);
        const bool allowed = kind == TextKind::free_text && (cp == '\n' || cp == '\t');
        if (is_control(cp) && !allowed) {
            if (kind == TextKind::free_text && cp == '\r')
                return fmt::format(
                    "{}: contains a carriage return (U+000D); end lines with a line feed only",
                    field);
            return fmt::format("{}: contains a control character (U+{:04X})", field,
                               static_cast<std::uint32_t>(cp));
        }
        i += n;
    }
    return std::nullopt;
}

std::optional<std::string> reason_problem(std::string_view field, std::string_view text) {
    if (auto problem = text_problem(field, text, TextKind::free_text)) return problem;
    if (is_blank(text))
        return fmt::format("{}: must say why (it is empty or only whitespace)", field);
    return std::nullopt;
}

bool is_email_address(std::string_view address) {
    const auto at = address.rfind('@');
    if (at == std::string_view::npos) return false;
    const auto local = address.substr(0, at);
    // 64 and 254: RFC 5321's limits on what a mail server must accept.
    return local.size() <= 64 && address.size() <= 254 && is_dot_atom(local) &&
           is_domain(address.substr(at + 1));
}

std::optional<std::string> email_problem(std::string_view field, std::string_view address) {
    if (auto problem = text_problem(field, address)) return problem;
    if (is_email_address(address)) return std::nullopt;
    std::string why = "one address local-part@domain, e.g. naam@gemeente.nl";
    if (address.find(',') != std::string_view::npos ||
        address.find(';') != std::string_view::npos || address.find('@') != address.rfind('@'))
        why = "one address, not a list";
    else if (address.find('<') != std::string_view::npos)
        why = "the address alone, without a name or <>";
    else if (address.find_first_of(" \t") != std::string_view::npos)
        why = "one address without spaces";
    return fmt::format("{}: '{}' is not an e-mail address ({})", field, address, why);
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

std::string escape_control_characters(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto [cp, n] = decode(text, i);
        if (n == 0) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        if (cp == '\n')
            out += "\\n";
        else if (cp == '\r')
            out += "\\r";
        else if (cp == '\t')
            out += "\\t";
        else if (cp < 0x80 && is_control(cp))
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
        else if (is_control(cp) || cp == 0x2028 || cp == 0x2029)
            out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp));
        else
            out.append(text.substr(i, n));
        i += n;
    }
    return out;
}

}  // namespace okod
