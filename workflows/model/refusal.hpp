#pragma once
// Why the engine or the store said no to a user's command, as a type: the API maps it
// to an HTTP status and okoctl to an exit code, each in one function
// (daemon/api/api_error.hpp, daemon/client/exit_codes.hpp). The sentence that goes
// with it is for people; nothing decides anything on its words.
namespace okod {

enum class Refusal {
    invalid,         // the request breaks a rule (a bad field, an unknown role): 422
    not_found,       // no such municipality, person, task, instance or action: 404
    already_closed,  // the task is done or skipped already: 409
    conflict,        // the state does not allow it now (a finished instance): 409
};

}  // namespace okod
