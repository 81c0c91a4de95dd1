// The operations registry (daemon/api/operations.cpp) is the one list of routes: the
// OpenAPI document okod serves and README.md's route table are held equal to it here,
// and each failure names the difference.
//
//   OKOD_UPDATE_OPENAPI=1 ctest -R OperationsRegistry   writes each row's operationId,
//       summary, roles, okoctl command and schema references into openapi.json (a new
//       row gets a skeleton to describe further; a path no row has is removed)
//   OKOD_UPDATE_README=1 ctest -R OperationsRegistry    rewrites README.md's route table
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <set>

#include "daemon/api/operations.hpp"
#include "daemon/api/router.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

namespace json = boost::json;

constexpr std::string_view kBegin = "<!-- routes:begin -->\n";
constexpr std::string_view kEnd = "<!-- routes:end -->";
constexpr std::string_view kSchemas = "#/components/schemas/";

bool asked(const char* variable) {
    const char* v = std::getenv(variable);
    return v && std::string_view(v) == "1";
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The layout of openapi.json as it is kept (Python's json.dumps(indent=2,
// ensure_ascii=False)), so a rewrite changes only what changed.
void pretty(const json::value& v, std::string& out, int depth) {
    const std::string pad(static_cast<std::size_t>(depth + 1) * 2, ' ');
    const std::string close(static_cast<std::size_t>(depth) * 2, ' ');
    if (v.is_object() && !v.as_object().empty()) {
        out += "{\n";
        bool first = true;
        for (const auto& [key, value] : v.as_object()) {
            out += (first ? "" : ",\n") + pad + json::serialize(json::string(key)) + ": ";
            pretty(value, out, depth + 1);
            first = false;
        }
        out += "\n" + close + "}";
    } else if (v.is_array() && !v.as_array().empty()) {
        out += "[\n";
        bool first = true;
        for (const auto& value : v.as_array()) {
            out += (first ? "" : ",\n") + pad;
            pretty(value, out, depth + 1);
            first = false;
        }
        out += "\n" + close + "]";
    } else {
        out += json::serialize(v);
    }
}

std::string pretty(const json::value& v) {
    std::string out;
    pretty(v, out, 0);
    return out + "\n";
}

json::object schema_ref(std::string_view name) {
    return {{"$ref", std::string(kSchemas) + std::string(name)}};
}

// The schema name a {"$ref": "#/components/schemas/X"} names, or "".
std::string ref_name(const json::value* schema) {
    if (!schema || !schema->is_object()) return "";
    const auto* ref = schema->as_object().if_contains("$ref");
    if (!ref || !ref->is_string()) return "";
    std::string_view r = ref->as_string();
    return r.starts_with(kSchemas) ? std::string(r.substr(kSchemas.size())) : std::string(r);
}

// A new row's operation in the document, to describe further by hand.
json::object skeleton(const Operation& op) {
    json::object o;
    json::array parameters;
    for (std::string_view rest = op.path; !rest.empty();) {
        const auto open = rest.find('{');
        if (open == std::string_view::npos) break;
        const auto end = rest.find('}', open);
        parameters.push_back(
            json::object{{"name", std::string(rest.substr(open + 1, end - open - 1))},
                         {"in", "path"},
                         {"required", true},
                         {"schema", {{"type", "string"}}}});
        rest.remove_prefix(end + 1);
    }
    if (!parameters.empty()) o["parameters"] = std::move(parameters);
    json::object responses{{"200", {{"description", "OK"}}}};
    for (const char* status : {"400", "401", "403", "404"})
        responses[status] = json::object{{"$ref", "#/components/responses/Error"}};
    o["responses"] = std::move(responses);
    if (op.permission == ApiPermission::none) o["security"] = json::array{};
    return o;
}

// Writes the registry's facts of `op` into its operation of the document.
void describe(const Operation& op, json::object& o) {
    json::object out{{"operationId", op.id}, {"summary", op.summary}};
    out["x-okod-roles"] = who_may(op.permission);
    if (!op.okoctl.empty()) out["x-okod-okoctl"] = op.okoctl;
    for (auto& [key, value] : o)
        if (!out.contains(key)) out[key] = value;
    if (!op.request_schema.empty()) {
        auto& body = out["requestBody"];
        if (!body.is_object()) body = json::object{{"required", true}};
        body.as_object()["content"] =
            json::object{{"application/json", {{"schema", schema_ref(op.request_schema)}}}};
    }
    for (auto& [status, response] : out["responses"].as_object()) {
        if (!status.starts_with("2") || !response.is_object()) continue;
        if (op.response_schema.empty()) continue;
        response.as_object()["content"] =
            json::object{{"application/json", {{"schema", schema_ref(op.response_schema)}}}};
    }
    o = std::move(out);
}

// The differences between the document's operation and the row, in words.
void compare(const Operation& op, const json::object& o, std::vector<std::string>& out) {
    const auto name = fmt::format("{} {} ({})", op.method, op.path, op.id);
    const auto text = [&](const char* key) {
        const auto* v = o.if_contains(key);
        return v && v->is_string() ? std::string(v->as_string()) : std::string();
    };
    if (text("operationId") != op.id)
        out.push_back(fmt::format("{}: operationId is '{}'", name, text("operationId")));
    if (text("summary") != op.summary)
        out.push_back(fmt::format("{}: summary is '{}', the registry says '{}'", name,
                                  text("summary"), op.summary));
    if (text("x-okod-roles") != who_may(op.permission))
        out.push_back(fmt::format("{}: x-okod-roles is '{}', the registry says '{}'", name,
                                  text("x-okod-roles"), who_may(op.permission)));
    if (text("x-okod-okoctl") != op.okoctl)
        out.push_back(fmt::format("{}: x-okod-okoctl is '{}', the registry says '{}'", name,
                                  text("x-okod-okoctl"), op.okoctl));
    const auto* body = o.if_contains("requestBody");
    const std::string request =
        body
            ? ref_name(
                  body->as_object().at("content").as_object().if_contains("application/json")
                      ? body->at("content").at("application/json").as_object().if_contains("schema")
                      : nullptr)
            : "";
    if (request != op.request_schema)
        out.push_back(fmt::format("{}: request body schema is '{}', the registry says '{}'", name,
                                  request, op.request_schema));
    for (const auto& [status, response] : o.at("responses").as_object()) {
        if (!status.starts_with("2")) continue;
        const auto* content = response.as_object().if_contains("content");
        const auto* media =
            content ? content->as_object().if_contains("application/json") : nullptr;
        const std::string schema = media ? ref_name(media->as_object().if_contains("schema")) : "";
        if (schema != op.response_schema)
            out.push_back(fmt::format("{}: {} response schema is '{}', the registry says '{}'",
                                      name, std::string_view(status), schema, op.response_schema));
    }
}

TEST(OperationsRegistry, ids_and_routes_are_unique_and_every_row_has_a_handler) {
    std::set<std::string_view> ids;
    std::set<std::string> routes;
    for (const auto& op : operations()) {
        EXPECT_TRUE(ids.insert(op.id).second) << "twice: " << op.id;
        EXPECT_TRUE(routes.insert(fmt::format("{} {}", op.method, op.path)).second)
            << "twice: " << op.method << " " << op.path;
        EXPECT_NE(op.handler, nullptr) << op.id;
        EXPECT_FALSE(op.summary.empty()) << op.id;
    }
}

TEST(OperationsRegistry, path_patterns_match_whole_segments_and_name_their_parameters) {
    EXPECT_EQ(match_path("/api/v1/tasks/{id}", {"api", "v1", "tasks", "12"}),
              (PathParams{{"id", "12"}}));
    EXPECT_FALSE(match_path("/api/v1/tasks/{id}", {"api", "v1", "tasks"}));
    EXPECT_FALSE(match_path("/api/v1/tasks/{id}", {"api", "v1", "tasks", "12", "skip"}));
    EXPECT_EQ(match_path("/ical/person/{id}.ics", {"ical", "person", "anna.ics"}),
              (PathParams{{"id", "anna"}}));
    EXPECT_FALSE(match_path("/ical/person/{id}.ics", {"ical", "person", ".ics"}));
    EXPECT_FALSE(match_path("/ical/person/{id}.ics", {"ical", "person", "anna"}));
    EXPECT_EQ(match_path("/", {}), PathParams{});
}

TEST(OperationsRegistry, the_openapi_document_describes_exactly_the_registry) {
    const auto file = source_path("daemon/api/openapi.json");
    json::value doc = json::parse(read_file(file));
    auto& paths = doc.at("paths").as_object();
    std::vector<std::string> differences;
    std::set<std::string> documented;
    for (const auto& op : operations()) {
        documented.insert(fmt::format("{} {}", lower(op.method), op.path));
        auto* methods = paths.if_contains(op.path);
        auto* o = methods ? methods->as_object().if_contains(lower(op.method)) : nullptr;
        if (asked("OKOD_UPDATE_OPENAPI")) {
            if (!methods) methods = &(paths[op.path] = json::object{});
            if (!o) o = &(methods->as_object()[lower(op.method)] = skeleton(op));
            describe(op, o->as_object());
        }
        if (!o) {
            differences.push_back(
                fmt::format("{} {} ({}) is not in openapi.json", op.method, op.path, op.id));
            continue;
        }
        compare(op, o->as_object(), differences);
    }
    for (auto& [path, methods] : paths) {
        std::vector<std::string> gone;
        for (const auto& [method, spec] : methods.as_object())
            if (!documented.count(
                    fmt::format("{} {}", std::string_view(method), std::string_view(path))))
                gone.push_back(method);
        for (const auto& method : gone) {
            if (asked("OKOD_UPDATE_OPENAPI"))
                methods.as_object().erase(method);
            else
                differences.push_back(fmt::format("openapi.json has {} {}, the registry has not",
                                                  method, std::string_view(path)));
        }
    }
    if (asked("OKOD_UPDATE_OPENAPI")) {
        write_file(file, pretty(doc));
        return;
    }
    EXPECT_TRUE(differences.empty())
        << fmt::format("{}", fmt::join(differences, "\n"))
        << "\n(OKOD_UPDATE_OPENAPI=1 ctest -R OperationsRegistry writes the registry's side)";
}

// What a client generator needs: every JSON body a route takes and every 2xx JSON
// answer it gives has a schema, and each schema named is in components/schemas.
TEST(OperationsRegistry, every_json_body_and_2xx_answer_has_a_schema) {
    const json::value doc = json::parse(read_file(source_path("daemon/api/openapi.json")));
    const auto& schemas = doc.at("components").at("schemas").as_object();
    for (const auto& op : operations()) {
        const auto what = fmt::format("{} {} ({})", op.method, op.path, op.id);
        if (op.method == "POST" || op.method == "PUT") {
            // A POST that takes no body (retry) says so by naming none in the registry.
            if (!op.request_schema.empty()) {
                EXPECT_TRUE(schemas.contains(op.request_schema))
                    << what << ": " << op.request_schema;
            }
        }
        if (!op.response_schema.empty()) {
            EXPECT_TRUE(schemas.contains(op.response_schema)) << what << ": " << op.response_schema;
        }
    }
    for (const auto& [path, methods] : doc.at("paths").as_object())
        for (const auto& [method, spec] : methods.as_object()) {
            const auto what =
                fmt::format("{} {}", std::string_view(method), std::string_view(path));
            // A JSON body has a schema; a form's (the mail link's page) and a CSV file's (the
            // survey upload) are described inline.
            if (const auto* body = spec.as_object().if_contains("requestBody")) {
                const auto& content = body->at("content").as_object();
                if (const auto* media = content.if_contains("application/json")) {
                    EXPECT_NE(ref_name(&media->at("schema")), "") << what;
                } else {
                    EXPECT_TRUE(content.contains("application/x-www-form-urlencoded") ||
                                content.contains("text/csv"))
                        << what;
                }
            }
            for (const auto& [status, response] : spec.at("responses").as_object()) {
                if (!status.starts_with("2")) continue;
                const auto* content = response.as_object().if_contains("content");
                if (!content) continue;
                if (const auto* media = content->as_object().if_contains("application/json")) {
                    EXPECT_NE(ref_name(media->as_object().if_contains("schema")), "")
                        << what << " " << std::string_view(status);
                }
            }
        }
}

TEST(OperationsRegistry, readmes_route_table_is_rendered_from_the_registry) {
    const auto file = source_path("README.md");
    std::string readme = read_file(file);
    const auto begin = readme.find(kBegin);
    const auto end = readme.find(kEnd);
    ASSERT_NE(begin, std::string::npos) << "README.md has no " << kBegin;
    ASSERT_NE(end, std::string::npos) << "README.md has no " << kEnd;
    const auto from = begin + kBegin.size();
    const std::string rendered = render_routes_markdown();
    if (asked("OKOD_UPDATE_README")) {
        write_file(file, readme.replace(from, end - from, rendered));
        return;
    }
    EXPECT_EQ(readme.substr(from, end - from), rendered)
        << "README.md's route table differs from the registry: "
           "OKOD_UPDATE_README=1 ctest -R OperationsRegistry rewrites it";
}

}  // namespace
}  // namespace okod::test
