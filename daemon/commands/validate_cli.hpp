#pragma once
// The command line of `okoctl validate`. Include from okoctl_main.cpp only (CLI11 is a
// heavy header).
#include <CLI/CLI.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "daemon/commands/validate_command.hpp"

namespace okod {

struct ValidateCli {
    CLI::App* command = nullptr;
    std::vector<std::string> files;

    bool parsed() const { return command->parsed(); }
    int run(std::ostream& out, std::ostream& err) const { return run_validate(files, out, err); }
};

inline void add_validate_command(CLI::App& app, ValidateCli& cli) {
    cli.command = app.add_subcommand(
        "validate", "Check workflow definition files; prints file:line:col: message per error");
    cli.command->add_option("files", cli.files, "Definition files (.toml)")->required();
}

}  // namespace okod
