#include "adapters/calendar/json_locations.hpp"

#include <string>

namespace okod {
namespace {

// A recursive descent over text that is known to be valid JSON, so it checks nothing.
class Scanner {
public:
    Scanner(std::string_view text, std::unordered_map<std::string, std::size_t>& offsets)
        : text_(text), offsets_(offsets) {}

    void value(const std::string& path) {
        skip_space();
        offsets_[path] = pos_;
        if (pos_ >= text_.size()) return;
        switch (text_[pos_]) {
            case '{':
                return object(path);
            case '[':
                return array(path);
            case '"':
                string();
                return;
            default:
                scalar();
        }
    }

private:
    void object(const std::string& path) {
        ++pos_;  // {
        skip_space();
        if (peek() == '}') {
            ++pos_;
            return;
        }
        while (pos_ < text_.size()) {
            skip_space();
            const std::string key = string();
            skip_space();
            ++pos_;  // :
            value(path.empty() ? key : path + "." + key);
            skip_space();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            ++pos_;  // }
            return;
        }
    }

    void array(const std::string& path) {
        ++pos_;  // [
        skip_space();
        if (peek() == ']') {
            ++pos_;
            return;
        }
        for (std::size_t i = 0; pos_ < text_.size(); ++i) {
            value(path + "[" + std::to_string(i) + "]");
            skip_space();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            ++pos_;  // ]
            return;
        }
    }

    // Returns the raw contents; escapes are kept as written (keys we look up have none).
    std::string string() {
        const std::size_t start = ++pos_;
        while (pos_ < text_.size() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
        std::string s(text_.substr(start, pos_ - start));
        ++pos_;  // closing quote
        return s;
    }

    void scalar() {
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' &&
               text_[pos_] != ']' && !is_space(text_[pos_]))
            ++pos_;
    }

    static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    void skip_space() {
        while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
    }
    char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

    std::string_view text_;
    std::unordered_map<std::string, std::size_t>& offsets_;
    std::size_t pos_ = 0;
};

}  // namespace

JsonLocations::JsonLocations(std::string_view text) : text_(text) {
    Scanner(text, offsets_).value("");
}

JsonPosition JsonLocations::at(const std::string& path) const {
    auto it = offsets_.find(path);
    if (it == offsets_.end()) return {};
    return position_in(text_, it->second);
}

JsonPosition position_in(std::string_view text, std::size_t offset) {
    JsonPosition p{1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else {
            ++p.column;
        }
    }
    return p;
}

}  // namespace okod
