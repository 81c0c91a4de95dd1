#pragma once
// A municipality's settings as something to edit (issue 19): the part of its file a
// regisseur may change in the browser -- trajectory and cycle, report and season days,
// capacity, [dates], [[budget_lines]], [lists], [settings] -- as TOML text of its own.
// The store keeps such a text over the file (StoredSettings); the loader puts it in
// place of the file's settings (config.cpp), so the same rules check both. The rest of
// the file (code, name, school region, workflows, elections, people) stays the file's.
#include <boost/json/object.hpp>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "definition/load_error.hpp"
#include "model/store/municipality_store.hpp"

namespace okod {

// The top-level keys of a municipality file that are settings.
std::span<const std::string_view> settings_keys();
// The name errors in stored (or proposed) settings carry instead of a file name: the
// settings text itself, and the municipality file with them in place (the text
// effective_municipality_toml gives, to whose lines the errors then point).
std::string stored_settings_source(std::string_view code);
std::string effective_settings_source(const std::filesystem::path& file);

// A problem with one field ("budget_lines[1].until"; "" for the municipality as a whole).
struct SettingsProblem {
    std::string field;
    std::string message;
};

// The municipality file of `code` in `dir`: "<code>-*.toml" or "<code>.toml" first,
// else the file whose `code =` says so; nullopt when there is none.
std::optional<std::filesystem::path> find_municipality_file(const std::filesystem::path& dir,
                                                            std::string_view code);
// The settings part of a municipality file as TOML text; nullopt (and `errors`) when
// the file cannot be read.
std::optional<std::string> settings_of_file(const std::filesystem::path& file,
                                            std::vector<LoadError>& errors);
// The municipality file as it is in effect, ready to put in the municipalities dir: the
// file's own text when nothing is stored, else the file with the stored settings in
// place of its own (key order and comments are then toml++'s, not the file's).
std::optional<std::string> effective_municipality_toml(const std::filesystem::path& file,
                                                       const std::optional<StoredSettings>& stored,
                                                       std::vector<LoadError>& errors);

// Settings text as JSON: dates as "YYYY-MM-DD", numbers and strings as they are.
boost::json::object settings_to_json(const std::string& settings_toml);
// `settings_toml` with the fields `body` gives in place of its own (null removes one;
// "version" is skipped, the caller checks it): the new text. What is not even of the
// right shape (an unknown key, an object where a list belongs) goes to `problems`.
std::string edit_settings(const std::string& settings_toml, const boost::json::object& body,
                          std::vector<SettingsProblem>& problems);
// What changed, one line each: "budget_lines.npo.until 2023-07-31 → 2024-07-31",
// "+lists.recommendations \"Handhaving\"", "-dates.scanner_date 2022-09-05".
std::vector<std::string> settings_changes(const std::string& before, const std::string& after);
// The field a loader error at (line, column) of `settings_toml` is about:
// "budget_lines[1].until"; "" when none.
std::string settings_field_at(const std::string& settings_toml, int line, int column);

}  // namespace okod
