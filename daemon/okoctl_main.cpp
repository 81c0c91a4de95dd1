// okoctl: okod's command-line client. main() only parses the command line and hands over.
#include "daemon/commands/validate_command.hpp"
#include "daemon/cli_main.hpp"
#include "version.hpp"

#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{"okoctl: inspect and steer okod", "okoctl"};
    app.set_version_flag("--version", std::string("okoctl ") + okod::kVersion);
    app.require_subcommand(1);

    std::vector<std::string> files;
    auto* validate = app.add_subcommand(
        "validate", "Check workflow definition files; prints file:line:col: message per error");
    validate->add_option("files", files, "Definition files (.toml)")->required();

    return okod::run_cli(app, argc, argv, [&] {
        if (validate->parsed()) return okod::run_validate(files, std::cout, std::cerr);
        return 0;
    });
}
