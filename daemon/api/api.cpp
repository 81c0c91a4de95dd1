// The request entry point. The routes, who may call them and their handlers are in the
// operations registry (daemon/api/operations.cpp, rendered into README.md's route
// table); router.cpp dispatches from it; the handlers are in daemon/api/routes/.
#include "daemon/api/api.hpp"

#include <spdlog/spdlog.h>

#include <cassert>
#include <stdexcept>

#include "adapters/auth/token_secret.hpp"
#include "adapters/sqlite/sqlite_db.hpp"
#include "daemon/api/api_error.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/api/router.hpp"
#include "daemon/runtime.hpp"

namespace okod {
namespace {

// What a read route must never reach: it runs beside the strand, not on it.
[[noreturn]] void not_on_a_read_thread(const char* what) {
    assert(!"a read operation reached the strand's state");
    throw std::logic_error(std::string("a read operation called ") + what +
                           ", which only the strand may: make it a write or drop the call");
}

// A reader's store failing for a reason of its own, worth another try: not a bug of the
// route (a write on the read-only connection is one: SQLITE_READONLY stays a 500).
bool is_reader_fault(const SqliteError& e) {
    constexpr int kSqliteReadonly = 8;
    return e.is_storage_fault() && e.primary_code() != kSqliteReadonly;
}

// A request's answer, errors as JSON. With `reader_faults_thrown`, a reader's store
// failing is thrown on for handle_read() to answer.
HttpResponse answer(const HttpRequest& request, ApiContext& c, bool reader_faults_thrown) {
    try {
        return route_request(request, c);
    } catch (const ApiError& e) {
        return error_response(e.status, e.code, e.what());
    } catch (const std::exception& e) {
        const auto* sqlite = dynamic_cast<const SqliteError*>(&e);
        if (reader_faults_thrown && sqlite && is_reader_fault(*sqlite)) throw;
        spdlog::error("API {} {}: {}", request.method, redact_token_secrets(request.target),
                      e.what());
        return error_response(500, "internal", e.what());
    }
}

}  // namespace

HttpResponse Api::handle(const HttpRequest& request) { return answer(request, c_, false); }

HttpResponse Api::handle_read(const HttpRequest& request, Runtime& reader) {
    ApiContext c{
        [&reader]() -> Runtime& { return reader; },
        []() -> Engine& { not_on_a_read_thread("engine()"); },
        c_.clock,
        [] { not_on_a_read_thread("after_write()"); },
        []() -> std::string { not_on_a_read_thread("status()"); },
        []() -> std::optional<std::string> { not_on_a_read_thread("problem()"); },
        c_.defer,
        c_.token_usage,
        c_.session_usage,
    };
    try {
        auto response = answer(request, c, true);
        read_fault_logged_.store(false, std::memory_order_relaxed);
        return response;
    } catch (const SqliteError& e) {
        if (!read_fault_logged_.exchange(true))
            spdlog::warn("API {} {}: cannot read the store now, answering 503 until it can: {}",
                         request.method, redact_token_secrets(request.target), e.what());
        return error_response(503, "unavailable",
                              "okod cannot read its store just now; try again in a moment");
    }
}

}  // namespace okod
