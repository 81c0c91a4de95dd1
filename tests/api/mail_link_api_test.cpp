// The one-click link's routes (daemon/api/routes/mail_link_routes.cpp) in process, for
// the refusals the process test cannot reach on its own: a task closed meanwhile, and a
// person of the municipality who does not hold the task's role. Each is a page with a
// 4xx status, and nothing is recorded or changed.
#include <gtest/gtest.h>

#include "adapters/auth/mail_link.hpp"
#include "daemon/api/api.hpp"
#include "daemon/runtime.hpp"
#include "engine/engine.hpp"
#include "model/api_access.hpp"
#include "support/demo_world.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;

class MailLinkApi : public DemoWorld {
protected:
    void SetUp() override {
        start(at(2026, 3, 2));
        run_until(at(2026, 3, 2));
        api_ = std::make_unique<Api>(ApiContext{
            [this]() -> Runtime& { return *runtime_; },
            [this]() -> Engine& { return *engine_; },
            clock_.get(),
            [] {},
            [] { return std::string("ready"); },
            [] { return std::optional<std::string>(); },
            {},
        });
        TaskFilter f;
        f.municipality = "GM0935";
        f.status = TaskStatus::open;
        const auto open = store().tasks_matching(f);
        ASSERT_FALSE(open.empty());
        task_ = open.front();
        const auto holders = store().holders_of_role("GM0935", task_.role, today());
        ASSERT_FALSE(holders.empty()) << task_.role;
        holder_ = holders.front().id;
    }

    Date today() const { return local_date(clock_->now()); }
    std::string link_for(const std::string& person) {
        return sign_mail_link(
            {std::string(kCompleteTaskLink), task_.id, person, clock_->now() + 24h * 30},
            mail_link_key(*runtime_->store));
    }
    HttpResponse call(const std::string& method, const std::string& token) {
        HttpRequest r;
        r.method = method;
        r.target = "/mail/afgerond/" + token;
        r.remote = "127.0.0.1:1";
        return api_->handle(r);
    }
    bool has(const HttpResponse& r, const std::string& part) {
        return r.body.find(part) != std::string::npos;
    }

    std::unique_ptr<Api> api_;
    Task task_;
    std::string holder_;
};

TEST_F(MailLinkApi, the_holders_link_shows_the_task_and_changes_nothing) {
    const auto r = call("GET", link_for(holder_));
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
    EXPECT_TRUE(has(r, "<html lang=\"nl\"")) << r.body;
    EXPECT_TRUE(has(r, "for=\"note\">Opmerking")) << r.body;
    EXPECT_TRUE(has(r, "Maastricht")) << r.body;
    EXPECT_EQ(store().task(task_.id)->status, TaskStatus::open);
}

TEST_F(MailLinkApi, a_task_skipped_meanwhile_is_refused_and_the_link_stays_unused) {
    const std::string token = link_for(holder_);
    ASSERT_TRUE(engine_->skip_task(task_.id, "maastricht-sanne", "al gedaan").ok);
    for (const char* method : {"GET", "POST"}) {
        const auto r = call(method, token);
        EXPECT_EQ(r.status, 409) << method << ": " << r.body;
        EXPECT_TRUE(has(r, "Deze taak is al gesloten")) << r.body;
        EXPECT_TRUE(has(r, "Er is niets veranderd.")) << r.body;
    }
    EXPECT_EQ(store().task(task_.id)->status, TaskStatus::skipped);
    EXPECT_FALSE(store().mail_link_used(mail_link_id(token)));
}

TEST_F(MailLinkApi, a_member_who_does_not_hold_the_tasks_role_is_refused) {
    std::string other;
    for (const auto& id : store().members_of_municipality("GM0935")) {
        const auto roles = roles_held(store().assignments_of_municipality("GM0935"), id, today());
        if (std::find(roles.begin(), roles.end(), task_.role) == roles.end()) other = id;
    }
    ASSERT_FALSE(other.empty());
    const auto r = call("POST", link_for(other));
    EXPECT_EQ(r.status, 403) << r.body;
    EXPECT_TRUE(has(r, "ligt niet meer bij") || has(r, "This task is no longer yours"))
        << r.body;  // in the person's language
    EXPECT_EQ(store().task(task_.id)->status, TaskStatus::open);
}

TEST_F(MailLinkApi, the_button_completes_the_task_as_the_holder_once) {
    const std::string token = link_for(holder_);
    auto r = call("POST", token);
    EXPECT_EQ(r.status, 200) << r.body;
    const auto done = store().task(task_.id);
    EXPECT_EQ(done->status, TaskStatus::done);
    EXPECT_EQ(done->closed_by, holder_);
    EXPECT_EQ(done->note, "via e-mail-link");
    r = call("POST", token);
    EXPECT_EQ(r.status, 409) << r.body;
    EXPECT_TRUE(has(r, "Deze link is al gebruikt")) << r.body;
}

}  // namespace
}  // namespace okod::test
