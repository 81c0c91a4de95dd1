#include "support/demo_world.hpp"

#include <filesystem>

#include "adapters/config/config.hpp"

namespace okod::test {

namespace fs = std::filesystem;

DemoWorld::DemoWorld() { copy_demo_config(dir_.path(), {"GM0935-maastricht.toml"}); }

void DemoWorld::edit_maastricht(const std::string& from, const std::string& to) {
    const fs::path file = dir_ / "municipalities/GM0935-maastricht.toml";
    std::string text = read_file(file);
    const auto pos = text.find(from);
    ASSERT_NE(pos, std::string::npos) << "not in the Maastricht file: " << from;
    text.replace(pos, from.size(), to);
    write_file(file, text);
}

void DemoWorld::start(Instant at, const std::filesystem::path& store) {
    auto loaded = load_config(dir_ / "okod.toml");
    ASSERT_TRUE(loaded.config) << loaded.errors.at(0).to_string();
    auto r = open_runtime(std::move(*loaded.config), store);
    ASSERT_TRUE(r.runtime) << r.errors.at(0).to_string();
    runtime_ = std::move(r.runtime);
    clock_ = std::make_unique<VirtualClock>(at);
    engine_ = std::make_unique<Engine>(*runtime_->store, runtime_->definitions, runtime_->calendar,
                                       *clock_, runtime_->config.engine);
    engine_->plan(*runtime_->store->municipality("GM0935"));
}

void DemoWorld::start_turnover_world() {
    // A field window that closes 30 September (issue 20 made it a setting).
    edit_maastricht("starter_pack_days_before = 21",
                    "starter_pack_days_before = 21\nsurvey_window_start_month = 9\n"
                    "survey_window_end_month = 9");
    start(at(2022, 1, 1, 0));
    ASSERT_TRUE(engine()
                    .save_person({"maastricht-noor", "Noor Bakker", "noor.bakker@ggdzl.example",
                                  Language::nl},
                                 "test")
                    .ok);
}

void DemoWorld::run_until(Instant t, bool complete_on_time) {
    for (int guard = 0; guard < 1'000'000; ++guard) {
        auto next = engine_->next_due();
        if (!next || *next > t) break;
        clock_->advance_to(*next);
        if (complete_on_time) {
            TaskFilter f;
            f.municipality = "GM0935";
            f.due_before = *next + std::chrono::seconds{1};
            for (const auto& open : store().tasks_matching(f))
                if (open.status == TaskStatus::open && open.due && *open.due == *next)
                    engine_->complete_task(open.id, "test");
        }
        engine_->step();
    }
    clock_->advance_to(t);
}

std::vector<Task> DemoWorld::tasks(const std::string& workflow) {
    TaskFilter f;
    f.municipality = "GM0935";
    std::vector<Task> out;
    for (auto& t : store().tasks_matching(f))
        if (t.workflow == workflow) out.push_back(std::move(t));
    return out;
}

Task DemoWorld::task(const std::string& workflow, const std::string& key) {
    for (auto& t : tasks(workflow))
        if (t.key == key) return t;
    ADD_FAILURE() << "no task " << workflow << "/" << key;
    return Task{};
}

std::vector<Instance> DemoWorld::instances(const std::string& workflow) {
    std::vector<Instance> out;
    for (auto& i : store().instances_of_municipality("GM0935"))
        if (i.definition_id == workflow) out.push_back(std::move(i));
    return out;
}

std::vector<Event> DemoWorld::events(const std::string& kind) {
    std::vector<Event> out;
    for (auto& e : store().events_after(0, 1'000'000))
        if (to_string(e.kind) == kind) out.push_back(std::move(e));
    return out;
}

std::vector<OutboxItem> DemoWorld::mail_for(TaskId task) {
    std::vector<OutboxItem> out;
    for (auto& o : outbox())
        if (o.task_id == task) out.push_back(std::move(o));
    return out;
}

std::vector<OutboxItem> DemoWorld::outbox() {
    return store().outbox_by_status(std::nullopt, 1'000'000);
}

}  // namespace okod::test
