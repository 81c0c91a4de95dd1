// Validates okod's OpenAPI document with a real validator (@apidevtools/swagger-parser:
// the OpenAPI 3.0 JSON schema, then its own checks, $refs resolved). Prints each problem
// and exits 1 when the document is not valid OpenAPI; prints a summary and exits 0.
//
//   node tests/browser/openapi_validate.mjs daemon/api/openapi.json
import SwaggerParser from "@apidevtools/swagger-parser";

const file = process.argv[2];
if (!file) {
    console.error("usage: node openapi_validate.mjs OPENAPI.json");
    process.exit(2);
}
try {
    const api = await SwaggerParser.validate(file);
    const operations = Object.values(api.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    console.log(`valid OpenAPI ${api.openapi}: ${Object.keys(api.paths).length} paths, ${operations} operations`);
} catch (e) {
    console.error(`${file}: not valid OpenAPI: ${e.message}`);  // names each problem's place
    process.exit(1);
}
