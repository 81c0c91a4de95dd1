// Compiled with the domain core's include paths only: this include must not compile.
#include "daemon/api/api_error.hpp"
