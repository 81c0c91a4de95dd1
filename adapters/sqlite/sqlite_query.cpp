#include "adapters/sqlite/sqlite_query.hpp"

#include <utility>

namespace okod {
namespace {

std::size_t next_slot() {
    static std::size_t next = 0;  // static init runs on one thread
    return next++;
}

}  // namespace

StoreSql::StoreSql(std::string text) : text_(std::move(text)), slot_(next_slot()) {}

std::string select_from(std::string_view columns, std::string_view rest) {
    return "SELECT " + std::string{columns} + " " + std::string{rest};
}

}  // namespace okod
