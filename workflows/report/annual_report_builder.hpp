#pragma once
// Gathers the yearly report of one municipality from okod's store: the event log of the
// year, the tasks, the running instances, the role holders and the config's success
// conditions. Reads only.
#include "report/annual_report.hpp"

namespace okod {

class Store;
class DefinitionRegistry;

// `now`: okod's clock; a year that is not over yet is reported up to today.
AnnualReport build_annual_report(Store& store, const DefinitionRegistry& definitions, const Municipality& m,
                                 int year, Language language, Instant now);

}  // namespace okod
