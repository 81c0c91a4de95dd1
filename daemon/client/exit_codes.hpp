#pragma once
// What okoctl's exit code says when it talks to okod's HTTP API, in one place: the
// client maps HTTP answers to these, the commands return them, and `okoctl --help`
// prints kExitCodesHelp. A script can tell "try again later" (6) from "fix the token"
// (3) from "okod said no" (1, 4, 5).
#include "model/refusal.hpp"

namespace okod::exit_code {

inline constexpr int ok = 0;
inline constexpr int refused = 1;      // okod refused: a 4xx not listed below (400, 422)
inline constexpr int usage = 2;        // a bad command line (CLI11's), or no API address
inline constexpr int auth = 3;         // no token, or okod answered 401 or 403
inline constexpr int not_found = 4;    // 404: no such task, instance, municipality
inline constexpr int conflict = 5;     // 409: a stale --if-due, a task already closed
inline constexpr int unreachable = 6;  // no answer (refused, timeout) or a 5xx

// The exit code for an HTTP status okod answered with.
constexpr int for_http_status(long status) {
    if (status >= 200 && status < 300) return ok;
    if (status == 401 || status == 403) return auth;
    if (status == 404) return not_found;
    if (status == 409) return conflict;
    if (status >= 500) return unreachable;
    return refused;
}

// The exit code for an engine refusal, when okoctl works on okod's store itself: the
// same as for the HTTP status okod's API answers the same refusal with.
constexpr int for_refusal(Refusal why) {
    switch (why) {
        case Refusal::not_found:
            return not_found;
        case Refusal::already_closed:
        case Refusal::conflict:
            return conflict;
        case Refusal::invalid:
            break;
    }
    return refused;
}

inline constexpr const char* kExitCodesHelp =
    "Exit codes of the commands that talk to okod's API (tasks, instances, municipalities,\n"
    "events; people, outbox and execution-plan with --url or OKOD_URL):\n"
    "  0  done\n"
    "  1  okod refused (it says why, e.g. \"okoctl: 422: ...\"), or a PDF could not be printed\n"
    "  2  bad command line, or okod's address unknown (--url, OKOD_URL, [http] in --config)\n"
    "  3  no token, or okod refused it (401, 403)\n"
    "  4  not found (404), or not visible to the token\n"
    "  5  conflict (409): the task changed meanwhile (--if-due) or is already closed\n"
    "  6  okod cannot be reached (connection refused, timeout) or failed (5xx)\n"
    "Connection: OKOD_URL (or --url); token from OKOD_TOKEN, --token-file, OKOD_TOKEN_FILE\n"
    "or ~/.config/okod/token (made on the server with `okoctl tokens create`).";

}  // namespace okod::exit_code
