#pragma once
// Where an okoctl command works: on okod's store on its server (--config, --store, --at),
// or, for the commands that can, through okod's API (--url or $OKOD_URL, --token-file).
// store_session.hpp opens the store side.
#include <filesystem>
#include <string>

#include "daemon/client/client_options.hpp"

namespace okod {

// `activities`: okod's store only.
struct StoreOptions {
    std::filesystem::path config;
    std::filesystem::path store;  // overrides the config's store path
    std::string at;               // ISO instant that stands in for "now"; empty: okod's clock
};

// `people` and `execution-plan`: the store, or okod's API when api_mode(client).
struct StoreOrApiOptions : StoreOptions {
    ClientOptions client;  // --url and --token-file
};

}  // namespace okod
