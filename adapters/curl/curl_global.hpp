#pragma once
// libcurl's process-wide set-up, done once by whichever of okod's curl users (SMTP,
// okoctl's API client) comes first. Throws std::runtime_error when curl cannot start.
namespace okod {

void init_curl_once();

}  // namespace okod
