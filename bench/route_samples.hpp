#pragma once
// A request for every GET operation of the API's registry (daemon/api/operations.cpp),
// with parameters a regisseur of one municipality would send: its own instance, task,
// person and year. Built from operations(), so a GET route added to the registry without
// a sample here stops `okod_bench routes` with its name instead of going unmeasured.
#include <cstdint>
#include <string>
#include <vector>

#include "http_load.hpp"

namespace okod::bench {

// What the samples are about, read from the store being served.
struct SampleSubjects {
    std::string municipality;  // "GM0935"
    int year = 0;              // the last whole simulated year (the annual report's)
    std::string closed_after;  // YYYY-MM-DD: the dashboard's "recently completed"
    std::int64_t instance_id = 0;
    std::int64_t task_id = 0;
    std::string person_id;        // the municipality's regisseur
    std::string feed_path;        // "/ical/person/okodcal_....ics" of that person
    std::string link_path;        // "/auth/link/okodlink_...": a live sign-in link of theirs
    std::string mail_link_path;   // "/mail/afgerond/<token>": a reminder's link, to an open task
    std::string regisseur_token;  // a regisseur token of the municipality, for that person
};

struct RouteSample {
    std::string operation;  // the registry's id, "events.list"
    std::string label;      // what the table shows: the registry's path, and the query
    GetRequest request;
};

// One or more samples per GET operation, in the registry's order. Throws, naming them,
// when GET operations have no sample.
std::vector<RouteSample> route_samples(const SampleSubjects& s);

// The samples of the routes that cost the most per call (annual report, instance
// history, outbox list): the load while timer lateness is measured.
std::vector<GetRequest> heaviest_requests(const std::vector<RouteSample>& samples);

}  // namespace okod::bench
