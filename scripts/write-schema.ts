// Regenerates schema/issue.schema.json from the zod schema (npm run schema).
import { writeFileSync } from "node:fs";
import { issueJsonSchema } from "../src/load/json-schema";

writeFileSync(
  new URL("../schema/issue.schema.json", import.meta.url),
  `${JSON.stringify(issueJsonSchema(), null, 2)}\n`,
);
console.log("wrote schema/issue.schema.json");
