#pragma once
// A closed-loop HTTP load generator for okod on loopback: `clients` threads, each with
// its own keep-alive connection, each sending its next GET as soon as the answer to the
// last is in (what the dashboard's users and wrk -c N do). Latency is measured per
// request, from the write to the last byte of the answer.
//
// Why not wrk: one program builds the stores, starts okod, and measures each route of
// the registry with its own token, percentiles per route; wrk would need a Lua script per
// route for the token and its per-request latencies, and an extra package.
#include <atomic>
#include <string>
#include <vector>

namespace okod::bench {

struct GetRequest {
    std::string target;  // "/api/v1/me?x=1"
    std::string token;   // sent as "Authorization: Bearer ..."; "" sends none
};

struct HttpAnswer {
    int status = 0;
    std::string body;
};

// One GET on a new connection to 127.0.0.1:port. Throws when no answer comes.
HttpAnswer get_once(int port, const GetRequest& request);

struct LoadResult {
    std::vector<double> latencies_ms;  // sorted, one per answered request
    double seconds = 0;                // from the first write to the last answer
    int failures = 0;                  // answers other than 2xx, and broken connections
    double per_second() const;
    void add(const LoadResult& more);      // as if both had run one after the other
    double percentile_ms(double p) const;  // p in [0, 100]; 0 when nothing was answered
};

// `clients` connections, client i sending requests[(i + k) % size] as its k-th request,
// until `seconds` have passed or `stop` is set (each finishes the request it is waiting
// for: a slow route then runs over, and that shows in `seconds`).
LoadResult run_load(int port, const std::vector<GetRequest>& requests, int clients, double seconds,
                    const std::atomic<bool>* stop = nullptr);

}  // namespace okod::bench
