#pragma once
// Where an okoctl command works: on okod's store on its server (--config, --store, --at),
// or through okod's API (--url or $OKOD_URL, --token-file). `people`, `activities` and
// `execution-plan` take these; store_session.hpp opens the store side.
#include <filesystem>
#include <string>

#include "daemon/client/client_options.hpp"

namespace okod {

struct StoreOrApiOptions {
    std::filesystem::path config;
    std::filesystem::path store;  // overrides the config's store path
    std::string at;               // ISO instant that stands in for "now"; empty: okod's clock
    ClientOptions client;         // --url and --token-file: through okod's API when api_mode
};

}  // namespace okod
