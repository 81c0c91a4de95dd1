#include "daemon/commands/municipality_settings_command.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <fstream>
#include <ostream>

#include "adapters/config/municipality_settings.hpp"
#include "daemon/client/api_client.hpp"
#include "daemon/client/client_options.hpp"
#include "daemon/client/exit_codes.hpp"
#include "daemon/client/json_fields.hpp"

namespace okod {
namespace {

namespace json = boost::json;

std::string settings_path(const std::string& code) {
    return "/api/v1/municipalities/" + code + "/settings";
}

// okod's problems, one a line, naming the field.
void print_problems(const json::value& body, std::ostream& err) {
    for (const auto& p : json_array(body, "errors")) {
        const auto field = json_text(p, "field");
        err << fmt::format("  {}{}\n", field.empty() ? "" : field + ": ", json_text(p, "message"));
    }
}

void print_changes(const json::value& body, std::ostream& out) {
    for (const auto& c : json_array(body, "changes"))
        if (c.is_string()) out << "  " << std::string_view(c.as_string()) << '\n';
}

}  // namespace

int run_municipality_export(const MunicipalityExportArgs& args, std::ostream& out,
                            std::ostream& err) {
    auto connected = connect(args.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply = connected.api->get_document(settings_path(args.code) + ".toml");
    if (!reply.ok()) return reply.exit_code;
    if (args.output.empty()) {
        out << reply.text;
        return exit_code::ok;
    }
    std::ofstream file(args.output, std::ios::binary | std::ios::trunc);
    file << reply.text;
    if (!file.flush()) {
        err << fmt::format("okoctl: cannot write {}\n", args.output.string());
        return exit_code::usage;
    }
    out << fmt::format("wrote {} ({} bytes)\n", args.output.string(), reply.text.size());
    return exit_code::ok;
}

int run_municipality_settings_set(const MunicipalitySettingsSetArgs& args, std::ostream& out,
                                  std::ostream& err) {
    std::vector<LoadError> errors;
    const auto settings = settings_of_file(args.file, errors);
    if (!settings) {
        for (const auto& e : errors) err << e.to_string() << '\n';
        return exit_code::usage;
    }
    auto connected = connect(args.client, err);
    if (!connected.api) return connected.exit_code;
    // Every setting the file has, and null for those it has not: the file's settings
    // as a whole take the place of the current ones.
    json::object fields = settings_to_json(*settings);
    for (const auto key : settings_keys())
        if (!fields.contains(key)) fields[key] = nullptr;
    const auto reply =
        connected.api->put(settings_path(args.code) + (args.dry_run ? "?dry_run=true" : ""),
                           json::object{{"settings", std::move(fields)}});
    if (!reply.ok()) {
        print_problems(reply.body, err);
        return reply.exit_code;
    }
    const bool changed = json_bool(reply.body, "changed");
    out << fmt::format(
        "{}: {}\n", args.code,
        args.dry_run ? "the settings are fine (nothing stored)"
        : changed ? fmt::format("settings stored as version {}", json_text(reply.body, "version"))
                  : "nothing to change");
    print_changes(reply.body, out);
    return exit_code::ok;
}

int run_municipality_settings_reset(const MunicipalitySettingsResetArgs& args, std::ostream& out,
                                    std::ostream& err) {
    auto connected = connect(args.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply = connected.api->del(settings_path(args.code));
    if (!reply.ok()) {
        print_problems(reply.body, err);
        return reply.exit_code;
    }
    const bool changed = json_bool(reply.body, "changed");
    out << fmt::format("{}: {}\n", args.code,
                       changed ? "the stored settings are dropped; the file counts again"
                               : "no stored settings; the file counts already");
    return exit_code::ok;
}

}  // namespace okod
