// A municipality's tasks are read through an index of their own, whatever the filter
// (issue 18): "GM0935's tasks done lately" must not visit every done task of the store,
// and a page of tasks continues where the last one ended (keyset paging).
#include <gtest/gtest.h>

#include <string>

#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/sqlite/task_query.hpp"
#include "support/query_plan.hpp"
#include "support/test_support.hpp"

namespace okod {
namespace {

using test::full_scans;
using test::query_plan;
using test::TempDir;

Instant at(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

class TaskReads : public ::testing::Test {
protected:
    TempDir dir;
    std::filesystem::path file = dir / "okod.sqlite";
    std::unique_ptr<SqliteStore> store = SqliteStore::open(file);

    InstanceId instance_in(const std::string& code) {
        Instance i;
        i.municipality = code;
        i.definition_id = "oko-cycle";
        i.definition_version = 1;
        i.key = std::to_string(++instances_);
        i.state = "monitoring";
        i.started_at = at(0);
        return store->insert_instance(i);
    }

    TaskId task(InstanceId instance, const std::string& code, std::optional<Instant> due,
                TaskStatus status = TaskStatus::open, const std::string& role = "regisseur") {
        Task t;
        t.instance_id = instance;
        t.municipality = code;
        t.workflow = "oko-cycle";
        t.spec_id = "survey";
        t.key = "k" + std::to_string(++tasks_);
        t.state = "monitoring";
        t.title = Text{"Taak", "Task"};
        t.role = role;
        t.due = due;
        t.status = status;
        t.created_at = at(0);
        if (is_closed(status)) t.closed_at = at(500 + tasks_);
        return store->insert_task(t);
    }

    std::vector<TaskId> ids(const TaskFilter& f) {
        std::vector<TaskId> out;
        for (const auto& t : store->tasks_matching(f)) out.push_back(t.id);
        return out;
    }

    // Every task of `f`, read `page` at a time from the place the last page ended.
    std::vector<TaskId> paged_ids(TaskFilter f, int page) {
        f.limit = page;
        std::vector<TaskId> out;
        for (int round = 0; round < 100; ++round) {
            const auto tasks = store->tasks_matching(f);
            EXPECT_LE(static_cast<int>(tasks.size()), page);
            for (const auto& t : tasks) out.push_back(t.id);
            if (static_cast<int>(tasks.size()) < page) return out;
            f.after = position_of(tasks.back());
        }
        ADD_FAILURE() << "paging did not end";
        return out;
    }

private:
    int instances_ = 0;
    int tasks_ = 0;
};

TEST_F(TaskReads, pages_continue_where_the_last_ended_undated_tasks_last) {
    const auto here = instance_in("GM0935");
    const auto there = instance_in("GM0014");
    using V = std::vector<TaskId>;
    const auto undated = task(here, "GM0935", std::nullopt);
    const auto late = task(here, "GM0935", at(300));
    task(there, "GM0014", at(100));
    const auto early = task(here, "GM0935", at(100));
    const auto early_too = task(here, "GM0935", at(100));  // the same due: by id
    const auto done = task(here, "GM0935", at(200), TaskStatus::done);
    const auto undated_done = task(here, "GM0935", std::nullopt, TaskStatus::done);
    const auto undated_too = task(here, "GM0935", std::nullopt);

    TaskFilter mine;
    mine.municipality = "GM0935";
    const V all{early, early_too, done, late, undated, undated_done, undated_too};
    EXPECT_EQ(ids(mine), all);
    for (int page = 1; page <= 4; ++page) EXPECT_EQ(paged_ids(mine, page), all) << page;

    TaskFilter open = mine;
    open.status = TaskStatus::open;
    EXPECT_EQ(paged_ids(open, 2), (V{early, early_too, late, undated, undated_too}));
    TaskFilter dated = mine;
    dated.due_before = at(300);
    EXPECT_EQ(paged_ids(dated, 2), (V{early, early_too, done}));  // no undated ones
    TaskFilter from_undated = mine;
    from_undated.after = TaskPosition{std::nullopt, undated};
    EXPECT_EQ(ids(from_undated), (V{undated_done, undated_too}));
    TaskFilter closed = mine;
    closed.closed_after = at(0);
    EXPECT_EQ(paged_ids(closed, 1), (V{done, undated_done}));
}

TEST_F(TaskReads, a_list_of_roles_keeps_the_tasks_of_those_roles) {
    const auto here = instance_in("GM0935");
    const auto regisseur = task(here, "GM0935", at(100), TaskStatus::open, "regisseur");
    task(here, "GM0935", at(100), TaskStatus::open, "wethouder");
    const auto ggd = task(here, "GM0935", std::nullopt, TaskStatus::open, "ggd-contact");
    TaskFilter f;
    f.municipality = "GM0935";
    f.roles = std::vector<std::string>{"ggd-contact", "regisseur"};
    EXPECT_EQ(ids(f), (std::vector<TaskId>{regisseur, ggd}));
    f.roles = std::vector<std::string>{};
    EXPECT_TRUE(ids(f).empty());
}

// Each filter a route or the engine sets: the municipality with any of the others, or
// one instance. None may read the whole tasks table; a page in due order comes from the
// index in order (no sort of all the municipality's tasks), and a first page of the
// tasks closed lately (the dashboard's) reads through the closing-time index unless a
// due range bounds it more narrowly.
TEST_F(TaskReads, every_filter_searches_an_index_instead_of_scanning_all_tasks) {
    task(instance_in("GM0935"), "GM0935", at(100));
    std::vector<TaskFilter> filters;
    for (int bits = 0; bits < (1 << 8); ++bits) {
        TaskFilter f;
        f.municipality = "GM0935";
        if (bits & 1) f.status = TaskStatus::done;
        if (bits & 2) f.role = "regisseur";
        if (bits & 4) f.due_before = at(10);
        if (bits & 8) f.due_after = at(1);
        if (bits & 16) f.closed_after = at(1);
        if (bits & 32) f.roles = std::vector<std::string>{"regisseur"};
        if (bits & 64) f.limit = 10;
        if (bits & 128) f.after = TaskPosition{at(5), 3};
        filters.push_back(f);
        if (bits & 128) {
            f.after = TaskPosition{std::nullopt, 3};
            filters.push_back(f);
        }
    }
    // The views and the search of issue 19 (a list of statuses, text and role names),
    // with what a route sets beside them.
    for (int bits = 0; bits < 32; ++bits) {
        TaskFilter f;
        f.municipality = "GM0935";
        f.statuses = (bits & 1) ? std::vector{TaskStatus::done, TaskStatus::skipped}
                                : std::vector{TaskStatus::open, TaskStatus::overdue};
        if (bits & 2) f.search = TaskFilter::Search{"raad", {"regisseur"}};
        if (bits & 4) f.due_before = at(10);
        if (bits & 8) f.roles = std::vector<std::string>{"regisseur"};
        if (bits & 16) {
            f.limit = 10;
            f.after = TaskPosition{at(5), 3};
        }
        filters.push_back(f);
    }
    for (int bits = 0; bits < 4; ++bits) {
        TaskFilter f;
        f.instance_id = 1;
        if (bits & 1) f.status = TaskStatus::open;
        if (bits & 2) f.limit = 10;
        filters.push_back(f);
    }
    int checked = 0;
    for (const auto& f : filters) {
        const auto q = task_query(f);
        for (const auto* sql : {&q.dated, &q.undated}) {
            if (!*sql) continue;
            ++checked;
            const auto plan = query_plan(file, **sql);
            EXPECT_TRUE(full_scans(plan, {"tasks"}).empty()) << **sql << "\n"
                                                             << ::testing::PrintToString(plan);
            // A list of statuses is read from each status's part of the index and
            // merged: a sort of the municipality's tasks with those statuses.
            const bool in_index_order =
                f.municipality && !f.closed_after && !f.roles && !f.role && !f.statuses;
            if (in_index_order) {
                for (const auto& line : plan)
                    EXPECT_EQ(line.find("TEMP B-TREE"), std::string::npos)
                        << **sql << ": sorts " << line;
            }
            if (f.closed_after && !f.due_before && !f.due_after && !f.after) {
                EXPECT_NE(::testing::PrintToString(plan).find("tasks_municipality_closed"),
                          std::string::npos)
                    << **sql << "\n"
                    << ::testing::PrintToString(plan);
            }
        }
    }
    EXPECT_GT(checked, 300);
    // The dashboard's "recently completed" of issue 18's measurement, as the route asks it.
    TaskFilter recently_done;
    recently_done.municipality = "GM0935";
    recently_done.status = TaskStatus::done;
    recently_done.closed_after = at(1);
    recently_done.limit = 1000;
    const auto plan = query_plan(file, *task_query(recently_done).dated);
    EXPECT_EQ(::testing::PrintToString(plan).find("tasks_status_due"), std::string::npos);
}

}  // namespace
}  // namespace okod
