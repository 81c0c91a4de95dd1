#pragma once
// `okoctl outbox`: what okod has sent, is still trying to send, and gave up on.
//
// Reads okod's store on its server, or with --url or $OKOD_URL asks okod's API (GET
// /api/v1/outbox: one municipality, --municipality unless the token has one, page after
// page up to --limit). Both print the same table and the same JSON (api_json.hpp's shape
// of an outbox item); one municipality's rows in id order, as they were made.
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "daemon/client/client_options.hpp"

namespace okod {

struct OutboxArgs {
    std::filesystem::path config;
    std::filesystem::path store;  // overrides the config's store path
    std::string status = "all";   // pending | sent | dead | all
    std::string municipality;     // CBS code; empty: every one (through the API: the token's)
    int limit = 50;
    bool json = false;
    ClientOptions client;  // --url and --token-file: through okod's API when api_mode
};

// Prints a table (or one JSON object per line) and a summary line with the counts: of
// the whole store locally, of the rows shown through the API (it gives no totals).
// Returns 0, 1 when the store cannot be opened, 2 for a bad --status or, through the
// API, --store; otherwise through the API the codes of daemon/client/exit_codes.hpp.
int run_outbox(const OutboxArgs& args, std::ostream& out, std::ostream& err);

struct OutboxRetryArgs {
    std::filesystem::path config;
    std::filesystem::path store;  // overrides the config's store path
    std::vector<std::int64_t> ids;
    bool all_dead = false;
    std::string municipality;  // through the API with --all-dead: unless the token has one
    ClientOptions client;      // --url and --token-file: through okod's API
};

// `okoctl outbox retry ID... | --all-dead`: dead letters (refused by the mail server, or
// a person without an address, since fixed) back into the queue, tried at once by the
// running okod (it sees the write). On the store all or nothing: an id that is not a
// dead letter changes nothing and exits 1; 2 without ids or --all-dead. Through the API
// (--url) one request an id, stopping at the first refusal (exit_codes.hpp).
int run_outbox_retry(const OutboxRetryArgs& args, std::ostream& out, std::ostream& err);

}  // namespace okod
