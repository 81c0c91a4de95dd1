// okoctl: okod's command-line client. main() only parses the command line and hands over.
#include "adapters/config/config.hpp"
#include "daemon/commands/outbox_command.hpp"
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

    okod::OutboxArgs outbox_args;
    outbox_args.config = okod::default_config_path();
    auto* outbox = app.add_subcommand("outbox", "List e-mails: pending (with retries), sent and dead");
    outbox->add_option("--config", outbox_args.config, "Configuration file (okod.toml)")
        ->capture_default_str();
    outbox->add_option("--store", outbox_args.store, "SQLite store to read (instead of the config's)");
    outbox->add_option("--status", outbox_args.status, "pending, sent, dead or all")->capture_default_str();
    outbox->add_option("--limit", outbox_args.limit, "At most this many rows")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    outbox->add_flag("--json", outbox_args.json, "One JSON object per line");

    return okod::run_cli(app, argc, argv, [&] {
        if (validate->parsed()) return okod::run_validate(files, std::cout, std::cerr);
        if (outbox->parsed()) return okod::run_outbox(outbox_args, std::cout, std::cerr);
        return 0;
    });
}
