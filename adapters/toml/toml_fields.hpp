#pragma once
// Typed reads from a toml++ table that record a LoadError (file:line:col) instead of
// throwing, so a user sees every problem of a file at once. Internal to adapters:
// include only from .cpp files that parse TOML.
#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "definition/load_error.hpp"
#include "time/instant.hpp"

namespace okod {

class TomlFields {
public:
    TomlFields(std::string file, std::vector<LoadError>& errors)
        : file_(std::move(file)), errors_(errors) {}

    // Parses the whole file; a syntax error is recorded with its position.
    std::optional<toml::table> parse_file();
    // The same for TOML text from elsewhere (the store); errors name the `file` given.
    std::optional<toml::table> parse_text(std::string_view text);

    void error(const toml::node* at, std::string message);
    // Every key not in `allowed` is an error ("unknown key 'x' in <what>").
    void allow_only(const toml::table& t, std::string_view what,
                    std::initializer_list<std::string_view> allowed);

    std::string required_string(const toml::table& t, std::string_view key);
    std::optional<std::string> optional_string(const toml::table& t, std::string_view key);
    int integer_in(const toml::table& t, std::string_view key, int fallback, int min, int max);
    // An integer or a float ("0.6", "1"), within [min, max]; nullopt when absent or wrong.
    std::optional<double> number_in(const toml::table& t, std::string_view key, double min,
                                    double max);
    std::optional<Date> required_date(const toml::table& t, std::string_view key);
    // A TOML local date (2022-01-01) or a string "2022-01-01".
    std::optional<Date> date_value(const toml::node& n, const std::string& key);
    std::optional<TimeOfDay> optional_time(const toml::table& t, std::string_view key);
    std::vector<std::string> string_array(const toml::table& t, std::string_view key);
    const toml::table* optional_table(const toml::table& t, std::string_view key);
    const toml::array* optional_array(const toml::table& t, std::string_view key);

private:
    const std::string& file_of(const toml::source_region& r) const;

    std::string file_;
    std::vector<LoadError>& errors_;
};

std::string_view toml_type_name(const toml::node& n);

}  // namespace okod
