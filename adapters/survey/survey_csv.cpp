#include "adapters/survey/survey_csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <optional>
#include <tuple>

#include "adapters/survey/csv_reader.hpp"
#include "model/measurement.hpp"
#include "model/municipality.hpp"
#include "model/text.hpp"
#include "model/trim.hpp"

namespace okod {
namespace {

enum class Column { municipality, indicator, population, year, value, unit };

struct ColumnNames {
    Column column;
    std::array<std::string_view, 4> names;  // Dutch first; "" pads
};

constexpr std::array<ColumnNames, 6> kColumns{{
    {Column::municipality, {"gemeente", "municipality", "", ""}},
    {Column::indicator, {"indicator", "", "", ""}},
    {Column::population, {"populatie", "population", "leeftijd", "age"}},
    {Column::year, {"jaar", "year", "", ""}},
    {Column::value, {"waarde", "value", "", ""}},
    {Column::unit, {"eenheid", "unit", "", ""}},
}};
constexpr std::array<Column, 5> kRequired{Column::municipality, Column::indicator,
                                          Column::population, Column::year, Column::value};

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::optional<Column> column_named(std::string_view header) {
    const std::string name = ascii_lower(trim_blanks(header));
    for (const auto& c : kColumns)
        for (auto n : c.names)
            if (!n.empty() && n == name) return c.column;
    return std::nullopt;
}

// "'gemeente' or 'municipality'", with the language's "or".
std::string alternatives(Column column, std::string_view or_word) {
    std::string text;
    for (const auto& c : kColumns) {
        if (c.column != column) continue;
        for (auto n : c.names) {
            if (n.empty()) continue;
            text += text.empty() ? fmt::format("'{}'", n) : fmt::format(" {} '{}'", or_word, n);
        }
    }
    return text;
}

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "21,4", "21.4", "-3", "21,4 %": digits, at most one decimal separator with digits on
// both sides, an optional '%'. A decimal comma only in a ';' file, where it cannot be the
// separator; no thousands separators (1.234,5 is an error, not a guess).
std::optional<double> parse_number(std::string_view text, char separator) {
    text = trim_blanks(text);
    if (text.ends_with('%')) text = trim_blanks(text.substr(0, text.size() - 1));
    std::string digits(text);
    const std::string_view body = text.starts_with('-') ? text.substr(1) : text;
    const auto point = body.find_first_of(separator == ';' ? ".," : ".");
    if (point == std::string_view::npos) {
        if (!all_digits(body)) return std::nullopt;
    } else if (!all_digits(body.substr(0, point)) || !all_digits(body.substr(point + 1))) {
        return std::nullopt;
    }
    std::replace(digits.begin(), digits.end(), ',', '.');
    double value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
    return value;
}

bool has_control(std::string_view s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

class Parser {
public:
    Parser(std::string_view text, const std::string& file) : file_(file), csv_(read_csv(text)) {}

    SurveyParse parse() {
        if (csv_.records.empty()) {
            if (csv_.problems.empty())
                error(0, 0,
                      {"het bestand is leeg; verwacht een kopregel zoals "
                       "gemeente;indicator;populatie;jaar;waarde",
                       "the file is empty; expected a header line such as "
                       "gemeente;indicator;populatie;jaar;waarde"});
        } else if (read_header(csv_.records.front())) {
            if (csv_.records.size() == 1 && csv_.problems.empty())
                error(csv_.records.front().line, 0,
                      {"geen regels onder de kopregel; er is niets in te lezen",
                       "no rows below the header; nothing to import"});
            for (std::size_t r = 1; r < csv_.records.size(); ++r) read_row(csv_.records[r]);
        }
        for (const auto& p : csv_.problems) error(p.line, p.field, p.message);
        std::stable_sort(result_.errors.begin(), result_.errors.end(),
                         [](const SurveyError& a, const SurveyError& b) {
                             return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                         });
        if (!result_.errors.empty()) result_.rows.clear();
        return std::move(result_);
    }

private:
    // False when the rows cannot be interpreted.
    bool read_header(const CsvRecord& header) {
        header_ = header.fields;
        for (auto& h : header_) h = std::string(trim_blanks(h));
        const std::size_t before = result_.errors.size();
        std::map<Column, int> seen;
        for (std::size_t i = 0; i < header_.size(); ++i) {
            const int number = static_cast<int>(i) + 1;
            if (header_[i].empty()) {
                error(header.line, number,
                      {"een kolom zonder naam (geef haar een naam, of haal haar weg)",
                       "a column without a name (name it, or remove it)"});
                continue;
            }
            const auto column = column_named(header_[i]);
            if (!column) {
                error(header.line, number,
                      {"onbekende kolom (verwacht gemeente, indicator, populatie, jaar, waarde "
                       "en eventueel eenheid; in het Engels municipality, indicator, "
                       "population, year, value, unit)",
                       "unknown column (expected gemeente, indicator, populatie, jaar, waarde "
                       "and optionally eenheid; in English municipality, indicator, population, "
                       "year, value, unit)"});
                continue;
            }
            if (auto [it, fresh] = seen.emplace(*column, number); !fresh) {
                const auto& earlier = header_[static_cast<std::size_t>(it->second - 1)];
                error(header.line, number,
                      {fmt::format("dezelfde kolom als kolom {} ({})", it->second, earlier),
                       fmt::format("the same column as column {} ({})", it->second, earlier)});
                continue;
            }
            index_[*column] = static_cast<int>(i);
        }
        if (auto it = index_.find(Column::municipality); it != index_.end()) {
            result_.municipality_column = it->second + 1;
            result_.municipality_column_name = header_[static_cast<std::size_t>(it->second)];
        }
        for (Column c : kRequired)
            if (!seen.count(c))
                error(header.line, 0,
                      {fmt::format("geen kolom {}", alternatives(c, "of")),
                       fmt::format("no column {}", alternatives(c, "or"))});
        return result_.errors.size() == before;
    }

    void read_row(const CsvRecord& record) {
        if (record.fields.size() != header_.size()) {
            Text message{fmt::format("{} velden waar de kopregel er {} heeft", record.fields.size(),
                                     header_.size()),
                         fmt::format("{} fields where the header has {}", record.fields.size(),
                                     header_.size())};
            if (record.fields.size() > header_.size() && csv_.separator == ',') {
                message.nl += " (een decimale komma? Schrijf in een bestand met komma's 21.4)";
                message.en += " (a decimal comma? In a comma-separated file write 21.4)";
            }
            error(record.line, 0, message);
            return;
        }
        const std::size_t before = result_.errors.size();
        Measurement m;
        const std::string code = field(record, Column::municipality);
        m.municipality = upper(code);  // gm0935 is meant as GM0935
        if (code.empty())
            field_error(record, Column::municipality,
                        {"leeg; verwacht een CBS-code zoals GM0935",
                         "empty; expected a CBS code such as GM0935"});
        else if (!is_cbs_code(m.municipality))
            field_error(
                record, Column::municipality,
                {fmt::format("'{}' is geen CBS-code (GM en vier cijfers, bijvoorbeeld GM0935)",
                             code),
                 fmt::format("'{}' is not a CBS code (GM and four digits, e.g. GM0935)", code)});

        // Excel's "CSV (;)" is Windows-1252: an "é" there would never match a UTF-8 plan.
        for (std::size_t k = 0; k < record.fields.size(); ++k)
            if (!is_valid_utf8(record.fields[k])) {
                error(record.line, static_cast<int>(k) + 1,
                      {"geen UTF-8-tekst (door Excel opgeslagen als \"CSV (;)\"?): sla het "
                       "bestand op als \"CSV UTF-8\" en lees het opnieuw in",
                       "not UTF-8 text (saved by Excel as \"CSV (;)\"?): save the file as \"CSV "
                       "UTF-8\" and import again"});
                break;
            }
        m.indicator = field(record, Column::indicator);
        if (m.indicator.empty())
            field_error(record, Column::indicator,
                        {"leeg; verwacht een indicator zoals alcohol_last_month",
                         "empty; expected an indicator such as alcohol_last_month"});
        else if (!is_indicator_name(m.indicator))
            field_error(record, Column::indicator,
                        {fmt::format("'{}' is geen indicator (kleine letters, cijfers en _, "
                                     "beginnend met een letter, bijvoorbeeld alcohol_last_month)",
                                     m.indicator),
                         fmt::format("'{}' is not an indicator (lowercase letters, digits and _, "
                                     "starting with a letter, e.g. alcohol_last_month)",
                                     m.indicator)});

        m.population = field(record, Column::population);
        if (m.population.empty())
            field_error(record, Column::population,
                        {"leeg; verwacht een populatie zoals 13, 13-16 of klas 2",
                         "empty; expected a population such as 13, 13-16 or klas 2"});
        else if (has_control(m.population))
            field_error(
                record, Column::population,
                {"een populatie over meer dan één regel", "a population on more than one line"});

        const std::string year = field(record, Column::year);
        if (year.empty())
            field_error(
                record, Column::year,
                {"leeg; verwacht een jaar zoals 2023", "empty; expected a year such as 2023"});
        else if (year.size() != 4 || !all_digits(year) || year < "2000" || year > "2100")
            field_error(
                record, Column::year,
                {fmt::format("'{}' is geen jaar (vier cijfers, 2000 tot en met 2100)", year),
                 fmt::format("'{}' is not a year (four digits, 2000 to 2100)", year)});
        else
            m.year = std::stoi(year);

        const std::string value = field(record, Column::value);
        const auto number = parse_number(value, csv_.separator);
        if (value.empty())
            field_error(
                record, Column::value,
                {"leeg; verwacht een getal zoals 21,4", "empty; expected a number such as 21,4"});
        else if (number)
            m.value = *number;
        else if (csv_.separator == ',' && parse_number(value, ';'))
            field_error(record, Column::value,
                        {fmt::format("'{}' is geen getal (een bestand met komma's als "
                                     "scheidingsteken vraagt een decimale punt: {})",
                                     value, *parse_number(value, ';')),
                         fmt::format("'{}' is not a number (a comma-separated file takes a "
                                     "decimal point: {})",
                                     value, *parse_number(value, ';'))});
        else
            field_error(record, Column::value,
                        {fmt::format("'{}' is geen getal", value),
                         fmt::format("'{}' is not a number", value)});

        if (result_.errors.size() != before) return;
        auto key = std::make_tuple(m.municipality, m.indicator, m.population, m.year);
        if (auto [it, fresh] = lines_.emplace(key, record.line); !fresh) {
            const int first_line = it->second;
            const auto same = [&](std::string_view words) {
                return fmt::format(fmt::runtime(words), name_of(Column::municipality),
                                   name_of(Column::indicator), name_of(Column::population),
                                   name_of(Column::year), first_line, m.municipality, m.indicator,
                                   m.population, m.year);
            };
            error(record.line, 0,
                  {same("dezelfde {}, {}, {} en {} als regel {} ({}, {}, {}, {})"),
                   same("the same {}, {}, {} and {} as line {} ({}, {}, {}, {})")});
            return;
        }
        result_.rows.push_back({record.line, std::move(m)});
    }

    std::string field(const CsvRecord& record, Column c) const {
        return std::string(trim_blanks(record.fields[static_cast<std::size_t>(index_.at(c))]));
    }
    const std::string& name_of(Column c) const {
        return header_[static_cast<std::size_t>(index_.at(c))];
    }

    void field_error(const CsvRecord& record, Column c, Text message) {
        error(record.line, index_.at(c) + 1, std::move(message));
    }

    void error(int line, int column, Text message) {
        std::string name;
        if (column > 0 && static_cast<std::size_t>(column) <= header_.size())
            name = header_[static_cast<std::size_t>(column - 1)];
        result_.errors.push_back({file_, line, column, std::move(name), std::move(message)});
    }

    const std::string& file_;
    CsvContent csv_;
    std::vector<std::string> header_;
    std::map<Column, int> index_;  // column -> 0-based field index
    std::map<std::tuple<std::string, std::string, std::string, int>, int> lines_;
    SurveyParse result_;
};

}  // namespace

std::string SurveyError::to_string(Language l) const {
    const std::string& text = message.in(l);
    const char* column_word = l == Language::en ? "column" : "kolom";
    if (line == 0) return fmt::format("{}: {}", file, text);
    if (column == 0) return fmt::format("{}:{}: {}", file, line, text);
    if (column_name.empty())
        return fmt::format("{}:{}: {} {}: {}", file, line, column_word, column, text);
    return fmt::format("{}:{}: {} {} ({}): {}", file, line, column_word, column, column_name, text);
}

SurveyParse parse_survey_csv(std::string_view text, const std::string& file) {
    return Parser(text, file).parse();
}

}  // namespace okod
