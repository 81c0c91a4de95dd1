#pragma once
// `okoctl tasks`: the work of the programme, through okod's API.
//   list        tasks of a municipality (default: the token's one), ordered by deadline;
//               --view today|week|overdue|open|done and --search narrow it
//   show        one task
//   history     who completed, undid, moved or skipped it and why, who was reminded
//   complete    mark it done, with a note (completing a done task again changes nothing)
//   undo        reopen a done task while its step is current, with an optional reason
//   skip        close it without doing it, with a reason; or, with --municipality and
//               --due-before, every open task due before that day (--dry-run: which)
//   reschedule  move its deadline, with a reason; --if-due guards against a change meanwhile
//
// Each write prints the task as okod has it afterwards. --json prints okod's JSON (a list
// one task per line). Exit codes: daemon/client/exit_codes.hpp.
#include <cstdint>
#include <iosfwd>
#include <string>

#include "daemon/client/client_options.hpp"

namespace okod {

struct TasksListArgs {
    ClientOptions client;
    std::string municipality;  // CBS code; empty: the token's only one
    std::string role;
    std::string person;
    std::string status;      // open | overdue | done | skipped; empty: all
    std::string due_before;  // day or ISO time, as okod reads them
    std::string due_after;
    std::string view;    // today | week | overdue | open | done; empty: all
    std::string search;  // in title, item and role name
    int limit = 0;       // 0: okod's default (200)
    bool json = false;
};

struct TaskArgs {
    ClientOptions client;
    std::int64_t id = 0;
    bool json = false;
};

struct TasksCompleteArgs {
    TaskArgs task;
    std::string note;
};

struct TasksSkipArgs {
    TaskArgs task;  // id 0 with a municipality: the bulk skip
    std::string reason;
    std::string municipality;  // CBS code: skip its open tasks due before due_before
    std::string due_before;    // YYYY-MM-DD
    bool dry_run = false;
};

struct TasksUndoArgs {
    TaskArgs task;
    std::string reason;
};

struct TasksRescheduleArgs {
    TaskArgs task;
    std::string due;  // sent as typed: an ISO time, or a day (okod: 00:00 that day)
    std::string reason;
    std::string if_due;  // the deadline the user saw; empty: no check
};

int run_tasks_list(const TasksListArgs& args, std::ostream& out, std::ostream& err);
int run_tasks_show(const TaskArgs& args, std::ostream& out, std::ostream& err);
int run_tasks_history(const TaskArgs& args, std::ostream& out, std::ostream& err);
int run_tasks_complete(const TasksCompleteArgs& args, std::ostream& out, std::ostream& err);
int run_tasks_undo(const TasksUndoArgs& args, std::ostream& out, std::ostream& err);
int run_tasks_skip(const TasksSkipArgs& args, std::ostream& out, std::ostream& err);
int run_tasks_reschedule(const TasksRescheduleArgs& args, std::ostream& out, std::ostream& err);

}  // namespace okod
