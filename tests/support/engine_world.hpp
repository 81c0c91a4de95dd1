#pragma once
// A small world for engine tests: a real SQLite store (in memory), definitions parsed
// from TOML text by the real loader, one municipality with people, and a virtual clock.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "adapters/definitions/toml_definition_loader.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "engine/engine.hpp"
#include "time/amsterdam.hpp"

namespace okod::test {

inline Date d(int y, unsigned m, unsigned day) {
    return Date{date::year{y}, date::month{m}, date::day{day}};
}

// A definition "single" (or `id`) with one task "job" for the ggd-contact: `due` is its
// due rule, `remind` its remind_days, `extra` more task keys (escalate = ...).
std::string single_task(const std::string& due, const std::string& remind,
                        const std::string& extra = "", const std::string& id = "single");

class EngineWorld : public ::testing::Test {
protected:
    EngineWorld();

    // Parses a definition (roles: regisseur, ggd-contact, school-contact, stuurgroep,
    // leidinggevende, wethouder);
    // fails the test on any load error.
    void define(const std::string& toml);
    // Adds the municipality GM0935 running the given workflows, starting 2022-01-01.
    void add_municipality(std::vector<std::string> workflows, int cycle_years = 1);
    void give_role(const std::string& person, const std::string& role, Date from,
                   std::optional<Date> until = std::nullopt);
    Engine& engine();

    // Runs every timer due up to `t`, moving the clock along.
    void run_until(Instant t);
    void run_until(Date day, int hour = 23) { run_until(at_local(day, TimeOfDay{hour * 60})); }

    std::vector<Task> tasks(std::optional<TaskStatus> status = std::nullopt);
    const Task& task(const std::string& key);
    std::vector<Event> events(const std::string& kind);
    std::vector<Event> events(EventKind kind) { return events(std::string(to_string(kind))); }
    std::vector<OutboxItem> outbox();
    Instance only_instance(const std::string& workflow);

    std::unique_ptr<SqliteStore> store_;
    DefinitionRegistry registry_;
    Calendar calendar_;
    VirtualClock clock_;
    Municipality municipality_;
    std::unique_ptr<Engine> engine_;
    std::vector<Task> task_cache_;
};

}  // namespace okod::test
