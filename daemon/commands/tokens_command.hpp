#pragma once
// `okoctl tokens`: bearer tokens for okod's HTTP API.
//   create  a token for a role and its municipalities; prints the secret once
//   list    every token with its role, municipalities, person, label and dates
//   revoke  a token stops working; it stays in the list
//
// Works on okod's store (the config's, or --store), which must exist: okoctl never
// creates it. okod keeps only each secret's SHA-256, so a lost secret cannot be shown
// again: revoke the token and create another. Times are the wall clock's, also when
// okod runs on a demo clock: access to the API is about real people on real days.
//
// A token may expire: --expires D makes it work through day D (Amsterdam) and answer 401
// from the next midnight. A token with a person stops working once that person holds no
// role in the token's municipalities any more (okod checks at every request).
//
// Exit codes: 0 done; 1 refused (an unknown municipality, person or token, no store,
// a config that does not load); 2 a bad argument or a combination that makes no sense
// (an admin with --municipality, a stakeholder without --person). Nothing is written
// unless the command succeeds.
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace okod {

struct TokensCommon {
    std::filesystem::path config;
    std::filesystem::path store;  // overrides the config's store path
};

struct TokensCreateArgs {
    TokensCommon common;
    std::string role;                         // admin | regisseur | stakeholder | council
    std::vector<std::string> municipalities;  // CBS codes; none for admin
    std::string person;                       // required for stakeholder
    std::string label;
    std::string expires;  // YYYY-MM-DD: its last day (Amsterdam); "" never expires
};

struct TokensListArgs {
    TokensCommon common;
    bool json = false;
};

struct TokensRevokeArgs {
    TokensCommon common;
    std::int64_t id = 0;
};

// Prints the secret as the only line on stdout (TOKEN=$(okoctl tokens create ...)) and
// what was made, with the reminder to keep the secret, on stderr.
int run_tokens_create(const TokensCreateArgs& args, std::ostream& out, std::ostream& err);
// A table, or with --json one object per line: {id, role, municipalities, person (null
// when none), label, created_at, revoked_at (null), last_used_at (null), expires_at
// (null: never), active}. last_used_at is recorded at most once a minute.
// Never a secret or a hash.
int run_tokens_list(const TokensListArgs& args, std::ostream& out, std::ostream& err);
// Revoking a revoked token again changes nothing and says when it was revoked.
int run_tokens_revoke(const TokensRevokeArgs& args, std::ostream& out, std::ostream& err);

// What makes no sense in a create command by itself, before any store is opened: an
// unknown role, or a role with the wrong municipalities, person or label. "" when fine.
// The command line runs it while parsing, so the problem is CLI11's message.
std::string tokens_create_problem(const TokensCreateArgs& args);

}  // namespace okod
