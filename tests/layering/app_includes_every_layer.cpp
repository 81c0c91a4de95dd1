// The control: with the app's include paths every layer is visible, so the probes above
// fail for the layering, not because the headers are missing.
#include "adapters/sqlite/sqlite_db.hpp"
#include "daemon/api/api_error.hpp"
#include "model/people.hpp"
