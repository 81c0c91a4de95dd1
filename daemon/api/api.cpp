// The request entry point. The routes, who may call them and their handlers are in the
// operations registry (daemon/api/operations.cpp, rendered into README.md's route
// table); router.cpp dispatches from it; the handlers are in daemon/api/routes/.
#include "daemon/api/api.hpp"

#include <spdlog/spdlog.h>

#include "adapters/auth/token_secret.hpp"
#include "daemon/api/api_error.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/api/router.hpp"

namespace okod {

HttpResponse Api::handle(const HttpRequest& request) {
    try {
        return route_request(request, c_);
    } catch (const ApiError& e) {
        return error_response(e.status, e.code, e.what());
    } catch (const std::exception& e) {
        spdlog::error("API {} {}: {}", request.method, redact_token_secrets(request.target),
                      e.what());
        return error_response(500, "internal", e.what());
    }
}

}  // namespace okod
