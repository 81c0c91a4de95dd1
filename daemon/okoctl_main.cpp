// okoctl: okod's command-line client. main() only parses the command line and hands over.
#include "daemon/commands/validate_command.hpp"
#include "version.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{"okoctl: inspect and steer okod"};
    app.set_version_flag("--version", std::string("okoctl ") + okod::kVersion);
    app.require_subcommand(1);

    std::vector<std::string> files;
    auto* validate = app.add_subcommand(
        "validate", "Check workflow definition files; prints file:line:col: message per error");
    validate->add_option("files", files, "Definition files (.toml)")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }

    try {
        if (validate->parsed()) return okod::run_validate(files, std::cout, std::cerr);
    } catch (const std::exception& e) {
        std::cerr << "okoctl: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
