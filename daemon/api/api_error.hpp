#pragma once
// An API request that cannot be served: the status, a stable code for programs and a
// sentence for people. Thrown by the request helpers and the routes, turned into a
// JSON response in one place (Api::handle), so no route forgets the shape.
#include <stdexcept>
#include <string>

#include "model/refusal.hpp"

namespace okod {

struct ApiError : std::runtime_error {
    ApiError(int http_status, std::string error_code, const std::string& message)
        : std::runtime_error(message), status(http_status), code(std::move(error_code)) {}
    int status;
    std::string code;  // "bad_request", "unauthorized", "forbidden", "not_found", ...
};

inline ApiError bad_request(const std::string& m) { return {400, "bad_request", m}; }
inline ApiError forbidden(const std::string& m) { return {403, "forbidden", m}; }
inline ApiError not_found(const std::string& m) { return {404, "not_found", m}; }
inline ApiError conflict(const std::string& m) { return {409, "conflict", m}; }
inline ApiError unprocessable(const std::string& m) { return {422, "rule_violation", m}; }

// What a token may not see reads exactly like what does not exist, so that ids cannot be
// guessed by the difference (issue 16): one sentence per kind of id, "no task 12",
// "no person maastricht-anna", "no municipality GM0935", for every route.
inline ApiError no_such(const std::string& kind, const std::string& id) {
    return not_found("no " + kind + " " + id);
}

// The engine's refusal as an HTTP answer: the one place that decides its status.
inline ApiError refusal_error(Refusal why, const std::string& message) {
    switch (why) {
        case Refusal::not_found:
            return not_found(message);
        case Refusal::already_closed:
        case Refusal::conflict:
            return conflict(message);
        case Refusal::invalid:
            break;
    }
    return unprocessable(message);
}

}  // namespace okod
