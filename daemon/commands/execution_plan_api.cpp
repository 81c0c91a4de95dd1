// `okoctl execution-plan` through okod's API: the same arguments as locally, one request each.
#include "daemon/commands/execution_plan_api.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <ostream>

#include "daemon/api/execution_plan_json.hpp"
#include "daemon/client/json_fields.hpp"
#include "daemon/commands/execution_plan_text.hpp"
#include "daemon/commands/store_session.hpp"

namespace okod {
namespace {

namespace json = boost::json;

std::string plan_path(const std::string& code) {
    return fmt::format("/api/v1/municipalities/{}/execution-plan", code);
}
std::string action_path(const std::string& code, std::int64_t id) {
    return fmt::format("{}/{}", plan_path(code), id);
}

int number_of(const json::value& action) {
    return static_cast<int>(json_int(action, "recommendation_number"));
}

}  // namespace

ViewOrExit<ExecutionPlanView> execution_plan_view_from_api(const ExecutionPlanListArgs& args,
                                                           std::ostream& err) {
    using Result = ViewOrExit<ExecutionPlanView>;
    if (local_options_refused(args.common, "execution-plan list", err))
        return Result::exit(exit_code::usage);
    auto connected = connect(args.common.client, err);
    if (!connected.api) return Result::exit(connected.exit_code);
    const auto reply = connected.api->get(plan_path(args.municipality));
    if (!reply.ok()) return Result::exit(reply.exit_code);
    ExecutionPlanView view{json_text(reply.body, "name"), execution_plan_from_json(reply.body), {}};
    for (const auto& g : json_array(reply.body, "recommendations"))
        for (const auto& a : json_array(g, "actions")) view.actions.push_back(a);
    return Result::of(std::move(view));
}

int run_execution_plan_add_api(const ExecutionPlanAddArgs& args,
                               const ExecutionActionChange& change, std::ostream& out,
                               std::ostream& err) {
    if (local_options_refused(args.common, "execution-plan add", err)) return exit_code::usage;
    auto connected = connect(args.common.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply = connected.api->post(plan_path(args.municipality), to_json(change));
    if (!reply.ok()) return reply.exit_code;
    const ExecutionAction a = execution_action_from_json(reply.body);
    print_execution_action_added(a, number_of(reply.body), out);
    return exit_code::ok;
}

int run_execution_plan_set_api(const ExecutionPlanSetArgs& args,
                               const ExecutionActionChange& change, std::ostream& out,
                               std::ostream& err) {
    if (local_options_refused(args.common, "execution-plan set", err)) return exit_code::usage;
    auto connected = connect(args.common.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply = connected.api->put(action_path(args.municipality, args.id), to_json(change));
    if (!reply.ok()) return reply.exit_code;
    const ExecutionAction a = execution_action_from_json(reply.body);
    print_execution_action_change(a.id, json_bool(reply.body, "changed"),
                                  json_text(reply.body, "changes"), out);
    print_execution_action(a, number_of(reply.body), out);
    return exit_code::ok;
}

int run_execution_plan_remove_api(const ExecutionPlanRemoveArgs& args, std::ostream& out,
                                  std::ostream& err) {
    if (local_options_refused(args.common, "execution-plan remove", err)) return exit_code::usage;
    auto connected = connect(args.common.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply = connected.api->del(action_path(args.municipality, args.id));
    if (!reply.ok()) return reply.exit_code;
    print_execution_action_removed(execution_action_from_json(reply.body), number_of(reply.body),
                                   out);
    return exit_code::ok;
}

}  // namespace okod
