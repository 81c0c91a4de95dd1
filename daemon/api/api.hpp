#pragma once
// okod's JSON API, version 1: the routes, who may call them, and their errors. Every
// request is one call of Api::handle on okod's strand, so a route reads the store and
// drives the engine like the scheduler does; a write is one engine step (one
// transaction) and wakes the scheduler and the outbox afterwards.
//
// Routes and roles: the operations registry (operations.hpp), which README.md's route
// table and openapi.json are held equal to.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "daemon/api/token_auth.hpp"
#include "daemon/http/http_server.hpp"

namespace okod {

class Clock;
class Engine;
struct Runtime;

struct ApiContext {
    std::function<Runtime&()> runtime;  // the current one: a reload replaces it
    std::function<Engine&()> engine;
    const Clock* clock = nullptr;
    std::function<void()> after_write;    // re-arm the scheduler, kick the outbox
    std::function<std::string()> status;  // one line for /ready
    // Why okod cannot do its work now (its store cannot be written), or nullopt: /ready
    // then answers 503, for a load balancer or a monitoring check.
    std::function<std::optional<std::string>()> problem;
    // Runs bookkeeping after the response, on the strand (okod posts it there); empty:
    // at once. For the tokens' last_used_at, which no request should wait for.
    std::function<void(std::function<void()>)> defer;
    std::shared_ptr<TokenUsage> token_usage = std::make_shared<TokenUsage>();
};

class Api {
public:
    explicit Api(ApiContext context) : c_(std::move(context)) {}
    HttpResponse handle(const HttpRequest& request);

private:
    ApiContext c_;
};

}  // namespace okod
