// Compiled with the domain core's include paths only: this include must not compile, so
// that the core can never come to depend on an adapter (see tests/layering/CMakeLists.txt).
#include "adapters/sqlite/sqlite_db.hpp"
