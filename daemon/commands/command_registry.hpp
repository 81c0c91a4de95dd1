#pragma once
// How an okoctl command (group) joins the command line: it adds its subcommands and
// options to the app, and says whether the user chose it and how to run it. Every
// command's *_cli.hpp has the same two parts, a `XxxCli` holding the parsed arguments
// (parsed(), run(out, err)) and `add_xxx_command(app, cli)`; register_command ties them
// into one entry of okoctl_main.cpp's table. Include from okoctl_main.cpp only (CLI11
// is a heavy header).
#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <ostream>

namespace okod {

struct RegisteredCommand {
    std::function<bool()> chosen;
    std::function<int(std::ostream& out, std::ostream& err)> run;
};

using RegisterCommand = RegisteredCommand (*)(CLI::App&);

// The arguments live as long as the entry: CLI11 writes into them while parsing, and
// some commands' parse callbacks check them in place.
template <class Cli, void (*Add)(CLI::App&, Cli&)>
RegisteredCommand register_command(CLI::App& app) {
    auto cli = std::make_shared<Cli>();
    Add(app, *cli);
    return {[cli] { return cli->parsed(); },
            [cli](std::ostream& out, std::ostream& err) { return cli->run(out, err); }};
}

}  // namespace okod
