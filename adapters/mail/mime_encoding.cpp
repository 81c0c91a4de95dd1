#include "adapters/mail/mime_encoding.hpp"

#include <algorithm>

namespace okod {
namespace {

constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Bytes of UTF-8 that fit in one encoded-word: 64 - len("=?UTF-8?B?" "?=") leaves
// 52 base64 characters, which carry 39 bytes.
constexpr std::size_t kWordBytes = 39;

bool is_plain_ascii(std::string_view s) {
    if (s.find("=?") != std::string_view::npos) return false;  // would read as a word
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= ' ' && c < 0x7f; });
}

bool is_continuation_byte(unsigned char c) { return (c & 0xC0) == 0x80; }

// RFC 5322 atext plus space: a display name made of these needs no quotes.
bool is_atom_text(std::string_view s) {
    constexpr std::string_view specials = "()<>[]:;@\\,.\"";
    return std::all_of(s.begin(), s.end(), [&](char c) {
        return c >= ' ' && c < 0x7f && specials.find(c) == std::string_view::npos;
    });
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const auto n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i]) << 16 |
                                             static_cast<unsigned char>(bytes[i + 1]) << 8 |
                                             static_cast<unsigned char>(bytes[i + 2]));
        out += kBase64[n >> 18 & 63];
        out += kBase64[n >> 12 & 63];
        out += kBase64[n >> 6 & 63];
        out += kBase64[n & 63];
    }
    if (const std::size_t rest = bytes.size() - i; rest > 0) {
        unsigned n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i]) << 16);
        if (rest == 2) n |= static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1]) << 8);
        out += kBase64[n >> 18 & 63];
        out += kBase64[n >> 12 & 63];
        out += rest == 2 ? kBase64[n >> 6 & 63] : '=';
        out += '=';
    }
    return out;
}

std::string base64_lines(std::string_view bytes) {
    const std::string flat = base64_encode(bytes);
    std::string out;
    for (std::size_t i = 0; i < flat.size(); i += 76) {
        out.append(flat, i, 76);
        out += "\r\n";
    }
    return out;
}

std::string header_safe(std::string_view value) {
    std::string out(value);
    std::replace(out.begin(), out.end(), '\r', ' ');
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
}

std::string encode_header_text(std::string_view utf8) {
    const std::string text = header_safe(utf8);
    // Long plain text is encoded too: encoded-words are the only way to fold it
    // below the 998-character line limit without changing what the reader sees.
    if (is_plain_ascii(text) && text.size() <= 900) return text;
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(start + kWordBytes, text.size());
        while (end < text.size() && end > start + 1 &&
               is_continuation_byte(static_cast<unsigned char>(text[end])))
            --end;
        if (!out.empty()) out += "\r\n ";
        out +=
            "=?UTF-8?B?" + base64_encode(std::string_view(text).substr(start, end - start)) + "?=";
        start = end;
    }
    return out;
}

std::string format_mailbox(std::string_view name, std::string_view address) {
    const std::string addr = header_safe(address);
    const std::string display = header_safe(name);
    if (display.empty()) return addr;
    if (is_atom_text(display)) return display + " <" + addr + ">";
    if (is_plain_ascii(display)) {
        std::string quoted = "\"";
        for (char c : display) {
            if (c == '"' || c == '\\') quoted += '\\';
            quoted += c;
        }
        return quoted + "\" <" + addr + ">";
    }
    return encode_header_text(display) + " <" + addr + ">";
}

std::string to_crlf(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 32);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += "\r\n";
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (text[i] == '\n') {
            out += "\r\n";
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace okod
