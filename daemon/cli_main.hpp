#pragma once
// The command-line conventions both binaries share: --help and --version exit 0, a
// bad argument prints CLI11's precise message and exits 2, and an exception escaping a
// command is printed as "<program>: <what>" and exits 1. Include from main files only
// (CLI11 is a heavy header).
#include <CLI/CLI.hpp>
#include <exception>
#include <functional>
#include <iostream>

namespace okod {

inline int run_cli(CLI::App& app, int argc, char** argv, const std::function<int()>& dispatch) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    try {
        return dispatch();
    } catch (const std::exception& e) {
        std::cerr << app.get_name() << ": " << e.what() << '\n';
        return 1;
    }
}

}  // namespace okod
