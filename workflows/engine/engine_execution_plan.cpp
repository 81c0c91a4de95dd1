// The engine's execution-plan commands: validate, write, log; one transaction each.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/engine.hpp"
#include "model/event_kind.hpp"

namespace okod {
namespace {

ExecutionActionResult refusal(std::string message, Refusal why = Refusal::invalid) {
    ExecutionActionResult r;
    r.ok = false;
    r.refusal = why;
    r.error = std::move(message);
    return r;
}

// "aanbeveling 2 'Voorlichting aan ouders ...'" or, for one not in the list, its text.
std::string recommendation_words(const Municipality& m, const std::string& recommendation) {
    const int n = recommendation_number(m, recommendation);
    return n > 0 ? fmt::format("aanbeveling {} '{}'", n, recommendation)
                 : fmt::format("aanbeveling '{}'", recommendation);
}

void log(Store& store, const ExecutionAction& a, EventKind kind, std::string note,
         const std::string& by, Instant at) {
    Event e;
    e.at = at;
    e.municipality = a.municipality;
    e.kind = kind;
    e.note = std::move(note);
    if (!by.empty()) e.note += " (door " + by + ")";
    store.append_event(e);
}

// The checks every written action passes: the model's own rules and, when the command
// names the recommendation, that it is one of the municipality's (which resolves a
// number to its text). An action whose recommendation the config has since dropped can
// still have its status changed.
std::optional<std::string> check(const Municipality& m, ExecutionAction& a,
                                 bool names_recommendation) {
    std::vector<std::string> problems = validate(a);
    if (names_recommendation &&
        a.recommendation.find_first_not_of(" \t\r\n") != std::string::npos) {
        std::string error;
        if (auto r = resolve_recommendation(m, a.recommendation, error))
            a.recommendation = *r;
        else
            problems.insert(problems.begin(), error);
    }
    if (problems.empty()) return std::nullopt;
    return fmt::format("{}", fmt::join(problems, "; "));
}

}  // namespace

ExecutionActionResult Engine::add_execution_action(const std::string& municipality,
                                                   const ExecutionActionChange& fields,
                                                   const std::string& by) {
    auto tx = store_.begin();
    const auto m = store_.municipality(municipality);
    if (!m) return refusal(fmt::format("no municipality {}", municipality), Refusal::not_found);
    ExecutionAction a;
    apply(fields, a);
    a.municipality = m->code;
    if (auto problem = check(*m, a, true)) return refusal(*problem);
    a.created_at = a.updated_at = clock_.now();
    a.id = store_.insert_execution_action(a);
    log(store_, a, EventKind::execution_action_added,
        fmt::format("uitvoeringsplan, {}: actie {} '{}' toegevoegd (prioriteit {}, status {})",
                    recommendation_words(*m, a.recommendation), a.id, a.intervention,
                    to_string(a.priority), to_string(a.status)),
        by, a.created_at);
    tx->commit();
    ExecutionActionResult r;
    r.action = std::move(a);
    return r;
}

ExecutionActionResult Engine::change_execution_action(const std::string& municipality,
                                                      std::int64_t id,
                                                      const ExecutionActionChange& change,
                                                      const std::string& by) {
    auto tx = store_.begin();
    const auto m = store_.municipality(municipality);
    if (!m) return refusal(fmt::format("no municipality {}", municipality), Refusal::not_found);
    const auto before = store_.execution_action(id);
    if (!before || before->municipality != m->code)
        return refusal(fmt::format("{} has no execution-plan action {}", m->code, id),
                       Refusal::not_found);
    ExecutionAction a = *before;
    apply(change, a);
    // The recommendation is checked against the list only when it changes: an action
    // whose recommendation has since left the list can still get its status updated by
    // a form that sends every field back.
    if (auto problem = check(*m, a, a.recommendation != before->recommendation))
        return refusal(*problem);
    const std::string changes = describe_changes(*before, a);
    ExecutionActionResult r;
    if (changes.empty()) {  // as recorded: nothing to write
        r.action = *before;
        r.changed = false;
        return r;
    }
    a.updated_at = clock_.now();
    store_.update_execution_action(a);
    log(store_, a, EventKind::execution_action_changed,
        fmt::format("uitvoeringsplan, {}: actie {} '{}' gewijzigd: {}",
                    recommendation_words(*m, a.recommendation), a.id, a.intervention, changes),
        by, a.updated_at);
    tx->commit();
    r.action = std::move(a);
    r.changes = changes;
    return r;
}

ExecutionActionResult Engine::remove_execution_action(const std::string& municipality,
                                                      std::int64_t id, const std::string& by) {
    auto tx = store_.begin();
    const auto m = store_.municipality(municipality);
    if (!m) return refusal(fmt::format("no municipality {}", municipality), Refusal::not_found);
    const auto a = store_.execution_action(id);
    if (!a || a->municipality != m->code)
        return refusal(fmt::format("{} has no execution-plan action {}", m->code, id),
                       Refusal::not_found);
    if (const auto removed = store_.delete_execution_action(id); !removed)
        return refusal(fmt::format("{} has no execution-plan action {}", m->code, id),
                       *removed.refusal());
    log(store_, *a, EventKind::execution_action_removed,
        fmt::format("uitvoeringsplan, {}: actie {} '{}' verwijderd (was {})",
                    recommendation_words(*m, a->recommendation), a->id, a->intervention,
                    to_string(a->status)),
        by, clock_.now());
    tx->commit();
    ExecutionActionResult r;
    r.action = *a;
    return r;
}

}  // namespace okod
