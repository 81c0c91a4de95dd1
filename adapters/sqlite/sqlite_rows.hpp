#pragma once
// Row readers shared by the files that implement SqliteStore: one way to read an event
// (defined in sqlite_event_log.cpp) or an outbox row (sqlite_outbox_store.cpp),
// whichever file queries.
#include <string_view>

#include "adapters/sqlite/sqlite_db.hpp"
#include "model/instance.hpp"

namespace okod::sqlite_rows {

extern const std::string_view event_columns;   // in the order read_event expects
extern const std::string_view outbox_columns;  // in the order read_outbox expects
Event read_event(const SqliteStatement& s);
OutboxItem read_outbox(const SqliteStatement& s);

}  // namespace okod::sqlite_rows
