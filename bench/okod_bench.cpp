// okod's benchmark driver. Measures, never asserts: results go to BENCHMARKS.md.
//
//   okod_bench MODE [--option value ...]
//
// The modes live in one file each (modes.hpp lists them).
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <exception>
#include <string>
#include <vector>

#include "modes.hpp"

namespace {

struct Mode {
    const char* name;
    const char* usage;
    int (*run)(const std::vector<std::string>&);
};

const Mode kModes[] = {
    {"decade", "decade [--municipalities N (342)] [--years Y (10)] [--keep DIR]",
     okod::bench::decade},
    {"europe", "europe [--municipalities N (100000)] [--years Y (1)] [--keep DIR]",
     okod::bench::europe},
    {"reminders",
     "reminders [--count N (100000)] [--batch B (1000)] [--group G (1)] [--deadlines "
     "spread|ordered] [--keep DIR]",
     okod::bench::reminders},
    {"routes",
     "routes [--municipalities N (342)] [--small N (3)] [--years Y (10)] [--clients LIST "
     "(1,32)] [--seconds S (2)] [--lateness-seconds S (20)] [--ready-runs R (5)] [--keep DIR]",
     okod::bench::routes},
};

int usage() {
    fmt::print(stderr, "usage:\n");
    for (const auto& m : kModes) fmt::print(stderr, "  okod_bench {}\n", m.usage);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    spdlog::set_level(spdlog::level::warn);
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage();
    for (const auto& m : kModes) {
        if (args[0] != m.name) continue;
        try {
            return m.run(args);
        } catch (const std::exception& e) {
            fmt::print(stderr, "okod_bench {}: {}\n", m.name, e.what());
            return 1;
        }
    }
    fmt::print(stderr, "okod_bench: unknown mode {}\n", args[0]);
    return usage();
}
