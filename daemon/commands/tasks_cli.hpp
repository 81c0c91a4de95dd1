#pragma once
// The command line of `okoctl tasks list|show|history|complete|undo|skip|reschedule`. Include from
// okoctl_main.cpp only (CLI11 is a heavy header). Ids, CBS codes, statuses and times
// are checked here: a bad one is CLI11's message and exit code 2 before any request.
#include <CLI/CLI.hpp>
#include <ostream>

#include "daemon/client/client_cli.hpp"
#include "daemon/commands/tasks_command.hpp"

namespace okod {

struct TasksCli {
    CLI::App* list = nullptr;
    CLI::App* show = nullptr;
    CLI::App* history = nullptr;
    CLI::App* complete = nullptr;
    CLI::App* undo = nullptr;
    CLI::App* skip = nullptr;
    CLI::App* reschedule = nullptr;
    TasksListArgs list_args;
    TaskArgs show_args;
    TaskArgs history_args;
    TasksCompleteArgs complete_args;
    TasksUndoArgs undo_args;
    TasksSkipArgs skip_args;
    TasksRescheduleArgs reschedule_args;

    bool parsed() const {
        return list->parsed() || show->parsed() || history->parsed() || complete->parsed() ||
               undo->parsed() || skip->parsed() || reschedule->parsed();
    }
    int run(std::ostream& out, std::ostream& err) const {
        if (list->parsed()) return run_tasks_list(list_args, out, err);
        if (show->parsed()) return run_tasks_show(show_args, out, err);
        if (history->parsed()) return run_tasks_history(history_args, out, err);
        if (complete->parsed()) return run_tasks_complete(complete_args, out, err);
        if (undo->parsed()) return run_tasks_undo(undo_args, out, err);
        if (skip->parsed()) return run_tasks_skip(skip_args, out, err);
        return run_tasks_reschedule(reschedule_args, out, err);
    }
};

namespace tasks_cli {

// The task id, --json and the connection: what every subcommand about one task takes,
// added around its own options (so they come first in --help).
inline void task_id(CLI::App* sub, TaskArgs& args) {
    sub->add_option("id", args.id, "Task id (okoctl tasks list)")
        ->required()
        ->check(cli_validators::id("a task"));
}
inline void json_and_connection(CLI::App* sub, TaskArgs& args) {
    sub->add_flag("--json", args.json, "Print okod's JSON of the task");
    client_cli::api_options(sub, args.client);
}

}  // namespace tasks_cli

inline void add_tasks_command(CLI::App& app, TasksCli& cli) {
    auto* tasks = app.add_subcommand("tasks", "The programme's tasks, through okod's API");
    tasks->require_subcommand(1);

    cli.list = tasks->add_subcommand(
        "list", "Tasks ordered by deadline: id, due, status, role, municipality, title");
    auto& l = cli.list_args;
    cli.list
        ->add_option("--municipality", l.municipality,
                     "CBS code, e.g. GM0935 (needed unless the token has one municipality)")
        ->check(cli_validators::cbs_code());
    cli.list->add_option("--role", l.role, "Only this role's tasks, e.g. ggd-contact");
    cli.list->add_option("--person", l.person,
                         "Only the tasks of the roles this person holds today");
    cli.list->add_option("--status", l.status, "open, overdue, done or skipped")
        ->check(CLI::IsMember({"open", "overdue", "done", "skipped"}));
    cli.list
        ->add_option("--due-before", l.due_before,
                     "Due before this day (00:00 local) or ISO 8601 time")
        ->check(cli_validators::day_or_time());
    cli.list
        ->add_option("--due-after", l.due_after,
                     "Due after this day (00:00 local) or ISO 8601 time")
        ->check(cli_validators::day_or_time());
    cli.list
        ->add_option("--view", l.view,
                     "today (due today or overdue), week (this ISO week or overdue), overdue, "
                     "open or done")
        ->check(CLI::IsMember({"today", "week", "overdue", "open", "done"}));
    cli.list->add_option("--search", l.search, "Only tasks with this in title, item or role name");
    cli.list->add_option("--limit", l.limit, "At most this many (1 to 1000; default 200)")
        ->check(CLI::Range(1, 1000));
    cli.list->add_flag("--json", l.json, "okod's JSON, one task per line");
    client_cli::api_options(cli.list, l.client);

    cli.show = tasks->add_subcommand("show", "One task: title, status, due, role, history");
    tasks_cli::task_id(cli.show, cli.show_args);
    tasks_cli::json_and_connection(cli.show, cli.show_args);

    cli.history = tasks->add_subcommand(
        "history", "Who completed, undid, moved or skipped a task and why; who was reminded");
    tasks_cli::task_id(cli.history, cli.history_args);
    cli.history->add_flag("--json", cli.history_args.json, "okod's JSON, one line per event");
    client_cli::api_options(cli.history, cli.history_args.client);

    cli.complete = tasks->add_subcommand(
        "complete", "Mark a task done (again: no change); prints the task afterwards");
    tasks_cli::task_id(cli.complete, cli.complete_args.task);
    cli.complete->add_option("--note", cli.complete_args.note,
                             "What was done, for the log, e.g. \"besproken in kernteam\"");
    tasks_cli::json_and_connection(cli.complete, cli.complete_args.task);

    cli.undo = tasks->add_subcommand(
        "undo", "Reopen a done task while its step is current; prints the task afterwards");
    tasks_cli::task_id(cli.undo, cli.undo_args.task);
    cli.undo->add_option("--reason", cli.undo_args.reason, "Why, for the log");
    tasks_cli::json_and_connection(cli.undo, cli.undo_args.task);

    cli.skip = tasks->add_subcommand(
        "skip",
        "Close a task without doing it, with a reason; or every open task of --municipality "
        "due before --due-before (a municipality that joined late)");
    auto& s = cli.skip_args;
    auto* id = cli.skip->add_option("id", s.task.id, "Task id (okoctl tasks list)")
                   ->check(cli_validators::id("a task"));
    cli.skip->add_option("--reason", s.reason, "Why, for the log")
        ->required()
        ->check(cli_validators::not_blank("--reason"));
    auto* municipality =
        cli.skip
            ->add_option("--municipality", s.municipality,
                         "CBS code: skip its open tasks due before --due-before, not one task")
            ->check(cli_validators::cbs_code());
    auto* before = cli.skip
                       ->add_option("--due-before", s.due_before,
                                    "With --municipality: tasks due before this day (YYYY-MM-DD)")
                       ->check(cli_validators::iso_date());
    auto* dry_run = cli.skip->add_flag(
        "--dry-run", s.dry_run, "With --municipality: list what it would skip, change nothing");
    id->excludes(municipality);
    municipality->needs(before);
    before->needs(municipality);
    dry_run->needs(municipality);
    cli.skip->callback([id, municipality] {
        if (id->count() == 0 && municipality->count() == 0)
            throw CLI::RequiredError("a task id, or --municipality and --due-before");
    });
    tasks_cli::json_and_connection(cli.skip, s.task);

    cli.reschedule = tasks->add_subcommand(
        "reschedule", "Move a task's deadline, with a reason; prints the task afterwards");
    tasks_cli::task_id(cli.reschedule, cli.reschedule_args.task);
    auto& r = cli.reschedule_args;
    cli.reschedule
        ->add_option("--due", r.due,
                     "New deadline: a day (2026-04-14: at okod's due_time, 17:00 by default), "
                     "a local time in Amsterdam (2026-04-14T12:00) or ISO 8601 with offset")
        ->required()
        ->check(cli_validators::day_or_time());
    cli.reschedule->add_option("--reason", r.reason, "Why, for the log")
        ->required()
        ->check(cli_validators::not_blank("--reason"));
    cli.reschedule
        ->add_option("--if-due", r.if_due,
                     "Only if the deadline is still this moment (any ISO 8601 spelling, e.g. "
                     "from tasks show --json); "
                     "else exit 5 and nothing changes")
        ->check(cli_validators::day_or_time());
    tasks_cli::json_and_connection(cli.reschedule, r.task);
}

}  // namespace okod
