#include "daemon/api/token_auth.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "adapters/auth/token_secret.hpp"
#include "daemon/api/api.hpp"
#include "daemon/api/api_error.hpp"
#include "daemon/runtime.hpp"
#include "time/amsterdam.hpp"
#include "time/clock.hpp"

namespace okod {
namespace {

using namespace std::chrono_literals;

ApiError unauthorized(const std::string& message) { return {401, "unauthorized", message}; }

// Whether the token's person holds a role on `today` or later in the municipalities the
// token covers (every one served for an admin). A role yet to start keeps a new
// colleague's token working; one whose last day has passed does not. Read from the
// person's own roles: this runs on every request.
bool person_still_holds_a_role(Store& store, const ApiToken& t, Date today) {
    const auto& codes = t.municipalities;
    for (const auto& a : store.assignments_of_person(t.person_id)) {
        if (a.until && date::sys_days{*a.until} < date::sys_days{today}) continue;
        if (std::find(codes.begin(), codes.end(), a.municipality) != codes.end()) return true;
        if (t.role == ApiRole::admin && store.has_municipality(a.municipality)) return true;
    }
    return false;
}

}  // namespace

bool TokenUsage::due(std::int64_t token_id, Instant now) {
    const std::lock_guard lock(mutex_);
    auto [it, fresh] = recorded_.try_emplace(token_id, now);
    if (fresh) return true;
    if (now - it->second < 1min && now >= it->second) return false;
    it->second = now;
    return true;
}

ApiToken authenticate_bearer(const HttpRequest& request, ApiContext& c) {
    auto it = request.headers.find("authorization");
    if (it == request.headers.end())
        throw unauthorized("no token: send Authorization: Bearer <token>");
    auto secret = bearer_secret(it->second);
    if (!secret) throw unauthorized("the Authorization header is not 'Bearer <token>'");
    Store& store = *c.runtime().store;
    auto t = store.token_by_hash(hash_token(*secret));
    if (!t || !t->active()) throw unauthorized("unknown or revoked token");
    const Instant wall_now = SystemClock().now();
    if (t->expired(wall_now))
        throw unauthorized(
            fmt::format("token {} ('{}') expired on {}: ask an administrator for a new one", t->id,
                        t->label, format_local_minutes(*t->expires_at)));
    if (!t->person_id.empty() && !person_still_holds_a_role(store, *t, local_date(c.clock->now())))
        throw unauthorized(fmt::format(
            "token {} ('{}') belongs to {}, who holds no role in {} any more: a person's tokens "
            "stop "
            "working after their last day",
            t->id, t->label, t->person_id,
            t->role == ApiRole::admin ? std::string("any municipality")
                                      : fmt::format("{}", fmt::join(t->municipalities, ", "))));
    if (c.token_usage && c.token_usage->due(t->id, wall_now)) {
        const std::int64_t id = t->id;
        // The store passed in is the writer's: this request may run on a read thread.
        auto record = [id, wall_now](Store& writer) {
            try {
                writer.set_token_last_used(id, wall_now);
            } catch (const std::exception& e) {
                // Bookkeeping only: a busy or full store must not fail the request.
                spdlog::warn("cannot record when token {} was last used: {}", id, e.what());
            }
        };
        if (c.defer)
            c.defer(std::move(record));
        else
            record(*c.runtime().store);
    }
    return *t;
}

}  // namespace okod
