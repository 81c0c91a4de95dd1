#pragma once
// The command line of `okoctl tokens create|list|revoke`. Include from okoctl_main.cpp
// only (CLI11 is a heavy header). Roles, CBS codes, ids and the combination of role,
// municipalities and person are checked while parsing, so a bad one is CLI11's
// message and exit code 2 before the store is opened.
#include <CLI/CLI.hpp>
#include <ostream>
#include <string>

#include "daemon/commands/cli_validators.hpp"
#include "daemon/commands/store_cli.hpp"
#include "daemon/commands/tokens_command.hpp"

namespace okod {

struct TokensCli {
    CLI::App* create = nullptr;
    CLI::App* list = nullptr;
    CLI::App* revoke = nullptr;
    TokensCreateArgs create_args;
    TokensListArgs list_args;
    TokensRevokeArgs revoke_args;

    bool parsed() const { return create->parsed() || list->parsed() || revoke->parsed(); }
    int run(std::ostream& out, std::ostream& err) const {
        if (create->parsed()) return run_tokens_create(create_args, out, err);
        if (list->parsed()) return run_tokens_list(list_args, out, err);
        return run_tokens_revoke(revoke_args, out, err);
    }
};

namespace tokens_cli {

inline void common_options(CLI::App* sub, TokensCommon& common) {
    store_cli::store_options(sub, common.config, common.store);
}

}  // namespace tokens_cli

inline void add_tokens_command(CLI::App& app, TokensCli& cli) {
    auto* tokens = app.add_subcommand("tokens", "Bearer tokens for okod's HTTP API");
    tokens->require_subcommand(1);

    cli.create = tokens->add_subcommand(
        "create", "Make a token; prints its secret once, as the only line on stdout");
    cli.create
        ->add_option("--role", cli.create_args.role,
                     "admin (everything), regisseur (read and write its municipalities), "
                     "stakeholder (its person's tasks: read, complete), council (read-only "
                     "summaries and reports)")
        ->required()
        ->check(CLI::IsMember(api_role_names()));
    cli.create
        ->add_option("--municipality", cli.create_args.municipalities,
                     "CBS code it may see, e.g. GM0935 (repeat for more; none for admin)")
        ->check(cli_validators::cbs_code());
    cli.create->add_option("--person", cli.create_args.person,
                           "Person id whose tasks a stakeholder token shows (okoctl people add)");
    cli.create->add_option("--label", cli.create_args.label, "Whose it is, e.g. \"Sanne's laptop\"")
        ->required();
    cli.create
        ->add_option(
            "--expires", cli.create_args.expires,
            "Last day it works, YYYY-MM-DD (Amsterdam; from the next midnight okod answers "
            "401); default: until revoked")
        ->check(cli_validators::iso_date());
    tokens_cli::common_options(cli.create, cli.create_args.common);
    // The combination, once every option is in: CLI11's message and exit code 2.
    cli.create->callback([&cli] {
        if (auto problem = tokens_create_problem(cli.create_args); !problem.empty())
            throw CLI::ValidationError(problem);
    });

    cli.list = tokens->add_subcommand("list",
                                      "Every token: id, role, municipalities, person, label, "
                                      "created, expires, last used, revoked");
    cli.list->add_flag(
        "--json", cli.list_args.json,
        "One JSON object per line: {id, role, municipalities, person (null: none), label, "
        "created_at, revoked_at (null: active), last_used_at (null: never used; recorded at "
        "most once a minute), expires_at (null: never; the first moment it no longer works), "
        "active}");
    tokens_cli::common_options(cli.list, cli.list_args.common);

    cli.revoke = tokens->add_subcommand("revoke", "Stop a token working (it stays in the list)");
    cli.revoke->add_option("id", cli.revoke_args.id, "Token id (okoctl tokens list)")
        ->required()
        ->check(cli_validators::id("a token", "a number from okoctl tokens list"));
    tokens_cli::common_options(cli.revoke, cli.revoke_args.common);
}

}  // namespace okod
