#pragma once
// okod's JSON API, version 1: the routes, who may call them, and their errors. A write
// is one call of Api::handle on okod's strand, so it drives the engine like the
// scheduler does: one engine step (one transaction), then it wakes the scheduler and the
// outbox. A read (reads_only(), operations.hpp) is one call of Api::handle_read on one
// of okod's read threads, with that thread's read-only store and its copy of the
// configuration (daemon/run/read_pool.hpp), so no read holds up a timer.
//
// Routes and roles: the operations registry (operations.hpp), which README.md's route
// table and openapi.json are held equal to.
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "daemon/api/token_auth.hpp"
#include "daemon/http/http_server.hpp"

namespace okod {

class Clock;
class Engine;
class Store;
struct Runtime;
struct SettingsReload;
struct LoadError;

struct ApiContext {
    std::function<Runtime&()> runtime;  // the current one: a reload replaces it
    std::function<Engine&()> engine;
    const Clock* clock = nullptr;
    std::function<void()> after_write;    // re-arm the scheduler, kick the outbox
    std::function<std::string()> status;  // one line for /ready
    // Why okod cannot do its work now (its store cannot be written), or nullopt: /ready
    // then answers 503, for a load balancer or a monitoring check.
    std::function<std::optional<std::string>()> problem;
    // Runs bookkeeping after the response, on the strand with the writer's store (okod
    // posts it there); empty: at once, with runtime()'s store. For the tokens'
    // last_used_at, which no request should wait for.
    std::function<void(std::function<void(Store&)>)> defer;
    std::shared_ptr<TokenUsage> token_usage = std::make_shared<TokenUsage>();
    // When each browser session was last recorded as seen (session_auth.hpp), by id.
    std::shared_ptr<TokenUsage> session_usage = std::make_shared<TokenUsage>();
    // A municipality's settings changed (daemon/runtime.hpp SettingsReload): okod reloads
    // as on SIGHUP and stores the change with it; the errors when it did not (then
    // nothing changed). Empty where nothing runs to take a change up (503).
    std::function<std::vector<LoadError>(const SettingsReload&)> reload_settings = {};
};

class Api {
public:
    explicit Api(ApiContext context) : c_(std::move(context)) {}
    // On the strand: any request.
    HttpResponse handle(const HttpRequest& request);
    // On a read thread: a request reads_only() says may go there, with `reader` (a
    // read-only store, a copy of the configuration) instead of the strand's runtime.
    // engine(), after_write(), status() and problem() are not there: a read route that
    // calls one is a bug and gets a 500 (an assertion in debug builds). The reader's
    // store failing (busy past its timeout, an I/O error) answers 503 and is logged once
    // until a read succeeds again; it is not the writer's fault (/ready stays 200).
    HttpResponse handle_read(const HttpRequest& request, Runtime& reader);

private:
    ApiContext c_;
    std::atomic<bool> read_fault_logged_{false};
};

}  // namespace okod
