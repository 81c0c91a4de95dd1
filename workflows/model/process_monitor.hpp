#pragma once
// The process monitor (procesmonitor): for a trajectory, which steps were done on time,
// done late, are still open, or are open past their deadline. The deliverable the OKO
// programme promises municipalities: "periodic insight into the progress of the
// implementation". Pure: the caller passes the tasks of the instances it reports on.
#include <optional>
#include <string_view>
#include <vector>

#include "model/instance.hpp"

namespace okod {

enum class StepVerdict { on_time, late, open, overdue, skipped };

std::string_view to_string(StepVerdict v);   // on_time, late, open, overdue, skipped
std::string_view dutch_name(StepVerdict v);  // op tijd, te laat, open, te laat (open), overgeslagen

struct ProcessStep {
    Task task;
    StepVerdict verdict = StepVerdict::open;
    // Calendar days past the deadline, in Amsterdam: when it was done late, or how long
    // an open step has been overdue at `now`. 0 otherwise.
    int days_late = 0;
};

struct ProcessSummary {
    int on_time = 0, late = 0, open = 0, overdue = 0, skipped = 0;
};

// The steps in the order they fell due (tasks without a deadline last), each with its
// verdict at `now`. A step done at its deadline is on time.
std::vector<ProcessStep> process_steps(std::vector<Task> tasks, Instant now);
ProcessSummary summarize(const std::vector<ProcessStep>& steps);

}  // namespace okod
