// Compiles every schema Prism validates with, the way Prism does, and fails if any does not compile.
// Prism swallows Ajv compile errors and then lets every request and response through unchecked
// (stoplightio/prism#2442, #2643), so a green proxy run means nothing unless this passes too.
// Usage: node check-schemas.mjs <openapi.json>
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const prismHttp = require.resolve('@stoplight/prism-http');
const fromPrism = createRequire(prismHttp);
const { getHttpOperationsFromSpec } = require('@stoplight/prism-http');
const Ajv = fromPrism('ajv').default;
const Ajv2019 = fromPrism('ajv/dist/2019').default;
const Ajv2020 = fromPrism('ajv/dist/2020').default;
const addFormats = fromPrism('ajv-formats').default;

// The options of prism-http's validator (dist/validator/validators/utils.js).
const options = { allErrors: true, allowUnionTypes: true, allowMatchingProperties: true, strict: false, logger: false };
const instances = [Ajv, Ajv2019, Ajv2020].map((Class) => {
  const ajv = new Class({ ...options, coerceTypes: true });
  addFormats(ajv);
  return ajv;
});
const ajvFor = ($schema = '') =>
  /draft\/2019-09/.test($schema) ? instances[1] : /draft\/2020-12/.test($schema) ? instances[2] : instances[0];

// The object schema Prism builds from a list of parameters (dist/validator/validators/params.js).
const fromParams = (params) => ({
  type: 'object',
  properties: Object.fromEntries(params.filter((p) => p.schema).map((p) => [p.name.toLowerCase(), p.schema])),
  required: params.filter((p) => p.required).map((p) => p.name.toLowerCase()),
});

const path = process.argv[2];
if (!path) {
  console.error('usage: node check-schemas.mjs <openapi.json>');
  process.exit(2);
}

const operations = await getHttpOperationsFromSpec(path);
let compiled = 0;
const failures = [];
for (const op of operations) {
  const bundle = op.__bundled__;
  const where = `${op.method.toUpperCase()} ${op.path}`;
  const schemas = [];
  for (const content of op.request?.body?.contents ?? []) schemas.push([`request body ${content.mediaType}`, content.schema]);
  for (const kind of ['query', 'headers', 'path']) {
    const params = op.request?.[kind] ?? [];
    if (params.length) schemas.push([`request ${kind}`, fromParams(params)]);
  }
  for (const response of op.responses ?? []) {
    for (const content of response.contents ?? []) schemas.push([`${response.code} body ${content.mediaType}`, content.schema]);
    if (response.headers?.length) schemas.push([`${response.code} headers`, fromParams(response.headers)]);
  }
  for (const [part, schema] of schemas) {
    if (!schema) continue;
    try {
      ajvFor(schema.$schema).compile({ ...schema, __bundled__: bundle });
      compiled++;
    } catch (error) {
      failures.push(`${where} ${part}: ${error.message}`);
    }
  }
}

if (operations.length === 0 || compiled === 0) {
  console.error(`check-schemas: no operations or schemas found in ${path}`);
  process.exit(1);
}
if (failures.length) {
  console.error(`check-schemas: ${failures.length} schema(s) Prism cannot compile, so it would not validate them:`);
  failures.forEach((f) => console.error(`  ${f}`));
  process.exit(1);
}
console.log(`check-schemas: ${operations.length} operations, ${compiled} schemas compile as Prism compiles them`);
