// Regenerates schema/issue.schema.json and schema/style.schema.json from the zod schemas (npm run schema).
import { writeFileSync } from "node:fs";
import { issueJsonSchema, styleJsonSchema } from "../src/load/json-schema";

for (const [name, schema] of [
  ["issue", issueJsonSchema()],
  ["style", styleJsonSchema()],
] as const) {
  writeFileSync(new URL(`../schema/${name}.schema.json`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schema/${name}.schema.json`);
}
