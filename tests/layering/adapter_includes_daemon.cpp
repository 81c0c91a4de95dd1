// Compiled with the adapters' include paths: this include must not compile, so that an
// adapter can never come to depend on the daemon.
#include "daemon/api/api_error.hpp"
