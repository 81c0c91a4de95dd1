
#include "support/engine_world.hpp"

namespace okod::test {
namespace {

const char* kTestRoles = R"(
[roles.regisseur]
nl = "Regisseur"
[roles.ggd-contact]
nl = "Contactpersoon GGD"
[roles.school-contact]
nl = "Contactpersoon scholen"
[roles.stuurgroep]
nl = "Stuurgroep"
[roles.leidinggevende]
nl = "Leidinggevende regisseur"
[roles.wethouder]
nl = "Wethouder"
)";
}  // namespace

std::string single_task(const std::string& due, const std::string& remind, const std::string& extra,
                        const std::string& id) {
    return R"(
id = ")" + id +
           R"("
version = 1
initial = "open"
name = { nl = "Enkel" }
[start]
at = "trajectory_start"
[[states]]
id = "open"
name = { nl = "Open" }
  [[states.tasks]]
  id = "job"
  title = { nl = "Klus" }
  role = "ggd-contact"
  due = )" +
           due + R"(
  remind_days = )" +
           remind + "\n" + extra + R"(
[[states]]
id = "closed"
name = { nl = "Dicht" }
final = true
[[transitions]]
from = "open"
to = "closed"
on = "all_tasks_done"
)";
}

EngineWorld::EngineWorld()
    : store_(SqliteStore::open(":memory:")), clock_(at_local(d(2022, 1, 1), TimeOfDay{0})) {
    std::vector<LoadError> errors;
    registry_.set_roles(parse_roles(kTestRoles, "roles.toml", errors));
    EXPECT_TRUE(errors.empty());
    store_->upsert_person({"anna", "Anna", "anna@example.org", Language::nl});
    store_->upsert_person({"bert", "Bert", "bert@example.org", Language::en});
    store_->upsert_person({"carla", "Carla", "carla@example.org", Language::nl});
}

void EngineWorld::define(const std::string& toml) {
    std::vector<LoadError> errors;
    auto def = parse_definition(toml, "test.toml", registry_.roles(), errors);
    for (const auto& e : errors) ADD_FAILURE() << e.to_string();
    ASSERT_TRUE(def.has_value());
    registry_.add(std::move(*def));
}

void EngineWorld::add_municipality(std::vector<std::string> workflows, int cycle_years) {
    municipality_.code = "GM0935";
    municipality_.name = "Maastricht";
    municipality_.school_region = "zuid";
    municipality_.trajectory_start = d(2022, 1, 1);
    municipality_.cycle_years = cycle_years;
    municipality_.workflows = std::move(workflows);
    municipality_.lists["recommendations"] = {"Sportkantines", "Ouders", "Evenementen"};
    store_->upsert_municipality(municipality_);
}

void EngineWorld::give_role(const std::string& person, const std::string& role, Date from,
                            std::optional<Date> until) {
    RoleAssignment a;
    a.municipality = "GM0935";
    a.role = role;
    a.person_id = person;
    a.from = from;
    a.until = until;
    store_->add_assignment(a);
}

Engine& EngineWorld::engine() {
    if (!engine_) {
        engine_ = std::make_unique<Engine>(*store_, registry_, calendar_, clock_);
        engine_->plan(municipality_);
    }
    return *engine_;
}

void EngineWorld::run_until(Instant t) {
    Engine& e = engine();
    for (int guard = 0; guard < 100000; ++guard) {
        auto next = e.next_due();
        if (!next || *next > t) break;
        clock_.advance_to(*next);
        e.step();
    }
    clock_.advance_to(t);
}

std::vector<Task> EngineWorld::tasks(std::optional<TaskStatus> status) {
    TaskFilter f;
    f.status = status;
    return store_->tasks_matching(f);
}

const Task& EngineWorld::task(const std::string& key) {
    task_cache_ = tasks();
    for (const auto& t : task_cache_)
        if (t.key == key) return t;
    ADD_FAILURE() << "no task " << key;
    static Task none;
    return none;
}

std::vector<Event> EngineWorld::events(const std::string& kind) {
    std::vector<Event> out;
    for (const auto& e : store_->events_after(0, 100000))
        if (to_string(e.kind) == kind) out.push_back(e);
    return out;
}

std::vector<OutboxItem> EngineWorld::outbox() {
    return store_->outbox_by_status(std::nullopt, 100000);
}

Instance EngineWorld::only_instance(const std::string& workflow) {
    std::vector<Instance> found;
    for (const auto& i : store_->instances_of_municipality("GM0935"))
        if (i.definition_id == workflow) found.push_back(i);
    EXPECT_EQ(found.size(), 1u);
    return found.empty() ? Instance{} : found.front();
}

}  // namespace okod::test
