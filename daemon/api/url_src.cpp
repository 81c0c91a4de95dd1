// Boost.URL as Debian ships it for 1.81 is headers only: its sources are compiled here,
// once, for the whole program.
#include <boost/url/src.hpp>
