// Validates real answers of okod against the response schemas of its OpenAPI document:
// each sample names its operationId, status and JSON body; the schema is that
// operation's response for the status (application/json), $refs resolved by
// @apidevtools/swagger-parser and checked by Ajv (pinned in package.json), which reads
// OpenAPI's "nullable". Prints each mismatch and exits 1; else a summary.
//
//   node tests/browser/openapi_responses.mjs daemon/api/openapi.json samples.json
import { readFileSync } from "node:fs";
import SwaggerParser from "@apidevtools/swagger-parser";
import Ajv from "ajv";

const [file, samplesFile] = process.argv.slice(2);
if (!file || !samplesFile) {
    console.error("usage: node openapi_responses.mjs OPENAPI.json SAMPLES.json");
    process.exit(2);
}
const api = await SwaggerParser.dereference(file);
const operations = new Map();
for (const methods of Object.values(api.paths))
    for (const op of Object.values(methods)) if (op.operationId) operations.set(op.operationId, op);

const ajv = new Ajv({ allErrors: true, strict: false });
let failures = 0;
const samples = JSON.parse(readFileSync(samplesFile, "utf8"));
for (const { operation, status, body } of samples) {
    const schema = operations.get(operation)?.responses?.[String(status)]?.content?.["application/json"]?.schema;
    if (!schema) {
        console.error(`${operation} ${status}: no response schema in ${file}`);
        failures++;
        continue;
    }
    const validate = ajv.compile(schema);
    if (!validate(body)) {
        console.error(`${operation} ${status}: the answer does not fit its schema: ${ajv.errorsText(validate.errors)}`);
        failures++;
    }
}
if (failures) process.exit(1);
console.log(`${samples.length} answers fit their response schemas`);
