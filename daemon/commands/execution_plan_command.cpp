// `okoctl execution-plan` on okod's store: one engine command each (one transaction,
// logged), or through okod's API when a URL is given (execution_plan_api.cpp).
#include "daemon/commands/execution_plan_command.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <ostream>

#include "daemon/api/execution_plan_json.hpp"
#include "daemon/client/exit_codes.hpp"
#include "daemon/client/json_fields.hpp"
#include "daemon/commands/execution_plan_api.hpp"
#include "daemon/commands/execution_plan_text.hpp"
#include "daemon/commands/fte_text.hpp"
#include "daemon/commands/store_session.hpp"
#include "daemon/commands/view_or_exit.hpp"
#include "engine/engine.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

struct LocalPlan {
    StoreSession session;
    Municipality municipality;
};

struct OpenedLocal {
    std::optional<LocalPlan> plan;
    int exit_code = 0;
};

OpenedLocal open_local(const StoreOrApiOptions& common, const std::string& code,
                       const std::string& sub, std::ostream& err) {
    OpenedLocal result;
    auto opened = open_store_session(common, "execution-plan " + sub, err);
    if (!opened.session) {
        result.exit_code = opened.exit_code;
        return result;
    }
    auto m = require_municipality(*opened.session, code, "execution-plan " + sub, err);
    if (!m) {
        result.exit_code = 1;
        return result;
    }
    result.plan = LocalPlan{std::move(*opened.session), std::move(*m)};
    return result;
}

ViewOrExit<ExecutionPlanView> view_from_store(const ExecutionPlanListArgs& args,
                                              std::ostream& err) {
    auto opened = open_local(args.common, args.municipality, "list", err);
    if (!opened.plan) return ViewOrExit<ExecutionPlanView>::exit(opened.exit_code);
    auto& [s, m] = *opened.plan;
    ExecutionPlanView view{
        m.name, execution_plan(m, s.store->execution_actions_of_municipality(m.code)), {}};
    for (const auto& g : view.plan.recommendations)
        for (const auto& a : g.actions) view.actions.push_back(to_json(a, m));
    return ViewOrExit<ExecutionPlanView>::of(std::move(view));
}

int refused(const std::string& sub, const std::string& error, std::ostream& err) {
    err << fmt::format("okoctl execution-plan {}: {}\n", sub, error);
    return exit_code::refused;
}

int refused(const std::string& sub, const ExecutionActionResult& r, std::ostream& err) {
    err << fmt::format("okoctl execution-plan {}: {}\n", sub, r.error);
    return exit_code::for_refusal(r.refusal);
}

std::optional<std::optional<std::int64_t>> parse_money(const std::string& text,
                                                       std::string& error) {
    if (text.empty()) return std::optional<std::int64_t>{};
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || v < 0) {
        error = fmt::format("--money '{}' is not a whole number of euros (e.g. 2500)", text);
        return std::nullopt;
    }
    return std::optional<std::int64_t>{v};
}

// "" clears the estimate.
std::optional<std::optional<double>> fte_change(const std::string& text, std::string& error) {
    if (text.empty()) return std::optional<double>{};
    const auto value = parse_fte(text);
    if (!value) {
        error = fmt::format("--fte '{}' is not an FTE figure (e.g. 0,2)", text);
        return std::nullopt;
    }
    return std::optional<double>{*value};
}

}  // namespace

std::optional<ExecutionActionChange> change_of(const ExecutionActionArgs& a, std::string& error) {
    ExecutionActionChange c;
    c.recommendation = a.recommendation;
    c.intervention = a.intervention;
    c.relevance = a.relevance;
    c.feasibility = a.feasibility;
    c.other_resources = a.other_resources;
    c.expected_effectiveness = a.effectiveness;
    c.obstacles = a.obstacles;
    c.period = a.period;
    c.responsible = a.responsible;
    c.considerations = a.considerations;
    c.status_remark = a.remark;
    if (a.money) {
        c.money_euros = parse_money(*a.money, error);
        if (!c.money_euros) return std::nullopt;
    }
    if (a.fte) {
        c.fte = fte_change(*a.fte, error);
        if (!c.fte) return std::nullopt;
    }
    if (a.recognised) {
        if (*a.recognised == "yes" || *a.recognised == "ja") {
            c.recognised = true;
        } else if (*a.recognised == "no" || *a.recognised == "nee") {
            c.recognised = false;
        } else {
            error = fmt::format("--recognised must be yes or no, not '{}'", *a.recognised);
            return std::nullopt;
        }
    }
    if (a.priority) {
        c.priority = parse_priority(*a.priority);
        if (!c.priority) {
            error = fmt::format("--priority must be hoog, middel or laag, not '{}'", *a.priority);
            return std::nullopt;
        }
    }
    if (a.status) {
        c.status = parse_traffic_light(*a.status);
        if (!c.status) {
            error = fmt::format("--status must be groen, oranje or rood, not '{}'", *a.status);
            return std::nullopt;
        }
    }
    return c;
}

int run_execution_plan_list(const ExecutionPlanListArgs& args, std::ostream& out,
                            std::ostream& err) {
    const auto read = api_mode(args.common.client) ? execution_plan_view_from_api(args, err)
                                                   : view_from_store(args, err);
    if (!read.view) return read.exit_code;
    print_execution_plan_view(*read.view, args.full, args.json, out);
    return exit_code::ok;
}

int run_execution_plan_add(const ExecutionPlanAddArgs& args, std::ostream& out, std::ostream& err) {
    std::string error;
    const auto change = change_of(args.fields, error);
    if (!change) {
        refused("add", error, err);
        return exit_code::usage;
    }
    if (api_mode(args.common.client)) return run_execution_plan_add_api(args, *change, out, err);
    auto opened = open_local(args.common, args.municipality, "add", err);
    if (!opened.plan) return opened.exit_code;
    auto& [s, m] = *opened.plan;
    const auto r = engine_of(s).add_execution_action(m.code, *change, command_user());
    if (!r.ok) return refused("add", r, err);
    print_clock(s, out);
    print_execution_action_added(r.action, recommendation_number(m, r.action.recommendation), out);
    return 0;
}

int run_execution_plan_set(const ExecutionPlanSetArgs& args, std::ostream& out, std::ostream& err) {
    std::string error;
    const auto change = change_of(args.fields, error);
    if (!change) {
        refused("set", error, err);
        return exit_code::usage;
    }
    if (change->empty()) {
        err << "okoctl execution-plan set: nothing to change: give at least one field (--status, "
               "--period, ...)\n";
        return exit_code::usage;
    }
    if (api_mode(args.common.client)) return run_execution_plan_set_api(args, *change, out, err);
    auto opened = open_local(args.common, args.municipality, "set", err);
    if (!opened.plan) return opened.exit_code;
    auto& [s, m] = *opened.plan;
    const auto r = engine_of(s).change_execution_action(m.code, args.id, *change, command_user());
    if (!r.ok) return refused("set", r, err);
    print_clock(s, out);
    print_execution_action_change(r.action.id, r.changed, r.changes, out);
    print_execution_action(r.action, recommendation_number(m, r.action.recommendation), out);
    return 0;
}

int run_execution_plan_remove(const ExecutionPlanRemoveArgs& args, std::ostream& out,
                              std::ostream& err) {
    if (api_mode(args.common.client)) return run_execution_plan_remove_api(args, out, err);
    auto opened = open_local(args.common, args.municipality, "remove", err);
    if (!opened.plan) return opened.exit_code;
    auto& [s, m] = *opened.plan;
    const auto r = engine_of(s).remove_execution_action(m.code, args.id, command_user());
    if (!r.ok) return refused("remove", r, err);
    print_clock(s, out);
    print_execution_action_removed(r.action, recommendation_number(m, r.action.recommendation),
                                   out);
    return 0;
}

}  // namespace okod
