#include "adapters/survey/csv_reader.hpp"

namespace okod {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_line_end(char c) { return c == '\n' || c == '\r'; }

// The header decides: ';' when the first line with something on it has a ';' outside
// quotes (a blank first line, or "a;b" inside a quoted name, must not decide).
char header_separator(std::string_view text) {
    bool quoted = false, seen = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (is_line_end(c)) {
            if (seen) break;
            continue;
        }
        if (!is_blank(c)) seen = true;
        if (c == ';') return ';';
    }
    return ',';
}

// One pass over the text, keeping the line number as it goes (quoted fields may span
// lines, so a record's line is where it starts, not its index).
class Reader {
public:
    explicit Reader(std::string_view text) : text_(text) {}

    CsvContent read() {
        if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
        out_.separator = header_separator(text_);
        while (i_ < text_.size())
            if (!read_record()) break;
        return std::move(out_);
    }

private:
    // False when the rest of the file cannot be read (an unterminated quote).
    bool read_record() {
        CsvRecord record;
        record.line = line_;
        bool blank = true;
        for (;;) {
            std::string field;
            const int number = static_cast<int>(record.fields.size()) + 1;
            std::size_t j = i_;
            while (j < text_.size() && is_blank(text_[j])) ++j;
            if (j < text_.size() && text_[j] == '"') {
                blank = false;
                i_ = j + 1;
                if (!read_quoted(field, number)) return false;
            } else {
                const std::size_t start = i_;
                while (i_ < text_.size() && !ends_field(i_)) ++i_;
                field.assign(text_.substr(start, i_ - start));
                if (field.find('"') != std::string::npos)
                    problem(number,
                            {"een aanhalingsteken in een veld dat er niet mee begint (zet het "
                             "hele veld tussen aanhalingstekens en verdubbel het "
                             "aanhalingsteken: \"a \"\"b\"\"\")",
                             "a quote in a field that does not start with one (put the "
                             "whole field in quotes and double the quote: \"a \"\"b\"\"\")"});
                if (field.find_first_not_of(" \t") != std::string::npos) blank = false;
            }
            record.fields.push_back(std::move(field));
            if (i_ < text_.size() && text_[i_] == out_.separator) {
                ++i_;
                continue;
            }
            break;
        }
        if (i_ < text_.size()) skip_line_end();
        if (!blank) out_.records.push_back(std::move(record));
        return true;
    }

    // From just after the opening quote to just after the field; false when the quote
    // never closes.
    bool read_quoted(std::string& field, int number) {
        const int opened = line_;
        for (;;) {
            if (i_ >= text_.size()) {
                out_.problems.push_back(
                    {opened,
                     number,
                     {"het aanhalingsteken dat dit veld opent, wordt nergens gesloten",
                      "the quote that opens this field is never closed"}});
                return false;
            }
            const char c = text_[i_];
            if (c == '"') {
                if (i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
                    field += '"';
                    i_ += 2;
                    continue;
                }
                ++i_;
                break;
            }
            if (is_line_end(c)) {
                skip_line_end();
                field += '\n';
                continue;
            }
            field += c;
            ++i_;
        }
        std::size_t k = i_;
        while (k < text_.size() && is_blank(text_[k])) ++k;
        if (k < text_.size() && !ends_field(k)) {
            problem(number,
                    {"tekst na het sluitende aanhalingsteken (schrijf binnen "
                     "aanhalingstekens een aanhalingsteken als \"\")",
                     "text after the closing quote (inside quotes, write a quote as \"\")"});
            while (k < text_.size() && !ends_field(k)) ++k;
            field.append(text_.substr(i_, k - i_));
        }
        i_ = k;
        return true;
    }

    bool ends_field(std::size_t k) const {
        return text_[k] == out_.separator || is_line_end(text_[k]);
    }

    void skip_line_end() {
        if (text_[i_] == '\r' && i_ + 1 < text_.size() && text_[i_ + 1] == '\n') ++i_;
        ++i_;
        ++line_;
    }

    void problem(int field, Text message) {
        out_.problems.push_back({line_, field, std::move(message)});
    }

    std::string_view text_;
    std::size_t i_ = 0;
    int line_ = 1;
    CsvContent out_;
};

}  // namespace

CsvContent read_csv(std::string_view text) { return Reader(text).read(); }

}  // namespace okod
