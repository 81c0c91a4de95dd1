#pragma once
// `okoctl municipalities export | settings set | settings reset`: a municipality's
// settings through okod's API (README "Instellingen").
//   export GM [-o FILE]              the municipality file in effect (file, or the file
//                                    with the settings changed in the browser)
//   settings set GM --file F         the settings of F (a municipality file, or only its
//            [--dry-run]             settings) in place of the current ones; --dry-run
//                                    only checks them
//   settings reset GM                drop the settings kept in the store: the file counts
//
// Exit codes: daemon/client/exit_codes.hpp.
#include <filesystem>
#include <iosfwd>
#include <string>

#include "daemon/client/client_options.hpp"

namespace okod {

struct MunicipalityExportArgs {
    ClientOptions client;
    std::string code;
    std::filesystem::path output;  // empty: standard output
};

struct MunicipalitySettingsSetArgs {
    ClientOptions client;
    std::string code;
    std::filesystem::path file;
    bool dry_run = false;
};

struct MunicipalitySettingsResetArgs {
    ClientOptions client;
    std::string code;
};

int run_municipality_export(const MunicipalityExportArgs& args, std::ostream& out,
                            std::ostream& err);
int run_municipality_settings_set(const MunicipalitySettingsSetArgs& args, std::ostream& out,
                                  std::ostream& err);
int run_municipality_settings_reset(const MunicipalitySettingsResetArgs& args, std::ostream& out,
                                    std::ostream& err);

}  // namespace okod
