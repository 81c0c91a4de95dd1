#pragma once
// What a successor's welcome mail says, read from the store when it goes out (issue 20):
// the hand-overs that name them, the roles they take over, and their first tasks (the
// role's and their own, none addressed to the leaver), with links into the dashboard.
#include <optional>
#include <string>

#include "adapters/mail/welcome_mail.hpp"
#include "definition/registry.hpp"
#include "model/store.hpp"

namespace okod {

// How many tasks a welcome lists: the first few, not the whole year.
inline constexpr int kWelcomeTasks = 5;

// `public_url` without a trailing slash; empty: no links.
WelcomeMailContext welcome_context(Store& store, const DefinitionRegistry& definitions,
                                   const OutboxItem& item, Date today,
                                   const std::string& public_url);

// Why a welcome is no use any more (the successor no longer takes over the role), or
// nullopt.
std::optional<std::string> welcome_obsolete(Store& store, const OutboxItem& item, Date today);

}  // namespace okod
