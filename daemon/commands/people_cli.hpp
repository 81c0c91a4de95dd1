#pragma once
// The command line of `okoctl people add|assign|leave|list`. Include from
// okoctl_main.cpp only (CLI11 is a heavy header). Dates, FTE figures, --at and CBS
// codes are checked here, so a bad one is CLI11's precise message and exit code 2
// before anything is opened. --url (or $OKOD_URL) sends the commands to okod's API.
#include <CLI/CLI.hpp>
#include <ostream>
#include <string>

#include "daemon/commands/cli_validators.hpp"
#include "daemon/commands/people_access_command.hpp"
#include "daemon/commands/people_command.hpp"
#include "daemon/commands/people_privacy_command.hpp"
#include "daemon/commands/store_cli.hpp"

namespace okod {

struct PeopleCli {
    CLI::App* add = nullptr;
    CLI::App* assign = nullptr;
    CLI::App* leave = nullptr;
    CLI::App* list = nullptr;
    CLI::App* link = nullptr;
    CLI::App* unlink = nullptr;
    CLI::App* feed_url = nullptr;
    CLI::App* export_ = nullptr;
    CLI::App* erase = nullptr;
    PeopleAddArgs add_args;
    PeopleAssignArgs assign_args;
    PeopleLeaveArgs leave_args;
    PeopleListArgs list_args;
    PeopleLinkArgs link_args;
    PeopleLinkArgs unlink_args;
    PeopleFeedUrlArgs feed_url_args;
    PeopleExportArgs export_args;
    PeopleEraseArgs erase_args;

    bool parsed() const {
        return add->parsed() || assign->parsed() || leave->parsed() || list->parsed() ||
               link->parsed() || unlink->parsed() || feed_url->parsed() || export_->parsed() ||
               erase->parsed();
    }
    int run(std::ostream& out, std::ostream& err) const {
        if (link->parsed()) return run_people_link(link_args, out, err);
        if (unlink->parsed()) return run_people_unlink(unlink_args, out, err);
        if (feed_url->parsed()) return run_people_feed_url(feed_url_args, out, err);
        if (add->parsed()) return run_people_add(add_args, out, err);
        if (assign->parsed()) return run_people_assign(assign_args, out, err);
        if (leave->parsed()) return run_people_leave(leave_args, out, err);
        if (export_->parsed()) return run_people_export(export_args, out, err);
        if (erase->parsed()) return run_people_erase(erase_args, out, err);
        return run_people_list(list_args, out, err);
    }
};

inline void add_people_command(CLI::App& app, PeopleCli& cli) {
    auto* people = app.add_subcommand("people", "Who holds which role; new people, roles, leaves");
    people->require_subcommand(1);

    cli.add =
        people->add_subcommand("add", "Record a person okod can address (or change their details)");
    cli.add->add_option("id", cli.add_args.id, "Stable id, e.g. maastricht-noor")->required();
    cli.add->add_option("--name", cli.add_args.name, "Full name")->required();
    cli.add->add_option("--email", cli.add_args.email, "E-mail address reminders go to");
    cli.add
        ->add_option("--language", cli.add_args.language,
                     "Language of their e-mail: nl or en (default nl)")
        ->check(CLI::IsMember({"nl", "en"}));
    cli.add
        ->add_option(
            "--municipality", cli.add_args.municipality,
            "CBS code of the municipality the person belongs to, so its regisseur may "
            "see and assign them (through the API: the token's, named when it has several)")
        ->check(cli_validators::cbs_code());
    store_cli::store_or_api_options(cli.add, cli.add_args.common);

    cli.assign = people->add_subcommand(
        "assign",
        "A person holds a role from a day (to a day); a waiting hand-over learns its successor");
    cli.assign->add_option("person", cli.assign_args.person, "Person id (okoctl people add)")
        ->required();
    cli.assign->add_option("--municipality", cli.assign_args.municipality, "CBS code, e.g. GM0935")
        ->required()
        ->check(cli_validators::cbs_code());
    cli.assign
        ->add_option("--role", cli.assign_args.role, "Role id from roles.toml, e.g. ggd-contact")
        ->required();
    cli.assign->add_option("--from", cli.assign_args.from, "First day")
        ->required()
        ->check(cli_validators::iso_date());
    cli.assign
        ->add_option("--until", cli.assign_args.until, "Last day (inclusive); default open-ended")
        ->check(cli_validators::iso_date());
    cli.assign
        ->add_option("--fte", cli.assign_args.fte,
                     "Capacity put into the role, 0 to 1.5 (0.4 or 0,4)")
        ->transform(cli_validators::fte(cli_validators::kMaxRoleFte));
    store_cli::store_or_api_options(cli.assign, cli.assign_args.common);

    cli.leave = people->add_subcommand(
        "leave", "A holder's last day: the role ends then and the warm hand-over starts");
    cli.leave->add_option("person", cli.leave_args.person, "Person id")->required();
    cli.leave->add_option("--municipality", cli.leave_args.municipality, "CBS code, e.g. GM0935")
        ->required()
        ->check(cli_validators::cbs_code());
    cli.leave->add_option("--last-day", cli.leave_args.last_day, "Last working day in the role(s)")
        ->required()
        ->check(cli_validators::iso_date());
    cli.leave->add_option("--role", cli.leave_args.role,
                          "Only this role (default: every role held there)");
    store_cli::store_or_api_options(cli.leave, cli.leave_args.common);

    cli.list = people->add_subcommand(
        "list", "Who holds which role on a day, vacancies, capacity against the norm");
    cli.list->add_option("--municipality", cli.list_args.municipality, "CBS code, e.g. GM0935")
        ->required()
        ->check(cli_validators::cbs_code());
    cli.list->add_option("--on", cli.list_args.on, "The day (default: today on okod's clock)")
        ->check(cli_validators::iso_date());
    cli.list->add_flag("--history", cli.list_args.history,
                       "Every assignment with its period, by role and from");
    cli.list->add_flag(
        "--json", cli.list_args.json,
        "One JSON object per line. {\"kind\": \"assignment\", municipality, role, role_name, "
        "person, name, email, language, from, until (null: open-ended), fte (null: not "
        "recorded), holds_on_day, on}; {\"kind\": \"vacancy\", municipality, role, role_name, "
        "on} (not with --history); last {\"kind\": \"capacity\", municipality, on, total_fte, "
        "regisseur_fte (both null when no FTE is recorded), norm_total_fte, "
        "norm_regisseur_fte, below_norm}");
    store_cli::store_or_api_options(cli.list, cli.list_args.common);

    // link and unlink take the same arguments: a person and a municipality.
    const auto membership_command = [people](const char* name, const char* help,
                                             PeopleLinkArgs& args) {
        auto* sub = people->add_subcommand(name, help);
        sub->add_option("person", args.person, "Person id")->required();
        sub->add_option("--municipality", args.municipality, "CBS code, e.g. GM0014")
            ->required()
            ->check(cli_validators::cbs_code());
        store_cli::store_or_api_options(sub, args.common);
        return sub;
    };
    cli.link = membership_command(
        "link",
        "Make a person a member of another municipality too (admin): its regisseur "
        "may then see, assign and change them",
        cli.link_args);
    cli.unlink = membership_command(
        "unlink",
        "A person no longer belongs to a municipality (admin); refused while they "
        "hold a role there today or later",
        cli.unlink_args);

    cli.feed_url = people->add_subcommand(
        "feed-url",
        "The person's calendar feed URL (read-only, for Outlook, Google or Apple Calendar); "
        "shown once when made, as okod keeps only its hash");
    cli.feed_url->add_option("person", cli.feed_url_args.person, "Person id")->required();
    cli.feed_url->add_flag(
        "--rotate", cli.feed_url_args.rotate,
        "Make a new URL even if there is one; the old one stops working at once");
    cli.feed_url->add_option("--public-url", cli.feed_url_args.public_url,
                             "How people reach okod, e.g. https://oko.example.nl (default: the "
                             "config's [http] address)");
    store_cli::store_or_api_options(cli.feed_url, cli.feed_url_args.common);

    cli.export_ = people->add_subcommand(
        "export",
        "Everything okod keeps about a person, as JSON (AVG art. 15): roles, tasks, "
        "e-mails, event log lines");
    cli.export_->add_option("id", cli.export_args.id, "Person id")->required();
    cli.export_->add_option("-o,--output", cli.export_args.output,
                            "Write to this file (readable by you only) instead of stdout");
    store_cli::store_or_api_options(cli.export_, cli.export_args.common);

    cli.erase = people->add_subcommand(
        "erase",
        "Pseudonymise a person everywhere in okod's store (AVG art. 17); they must "
        "have left every role");
    cli.erase->add_option("id", cli.erase_args.id, "Person id")->required();
    store_cli::store_or_api_options(cli.erase, cli.erase_args.common);
}

}  // namespace okod
