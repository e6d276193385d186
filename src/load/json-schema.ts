import { z } from "zod";
import { styleSchema } from "../config/style-schema";
import { issueSchema } from "./schema";

/** JSON Schema of the issue file (input side: defaults optional), for editor completion. */
export function issueJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(issueSchema, { io: "input", unrepresentable: "any" });
  return { ...schema, $id: "https://newsprint.local/schema/issue.schema.json", title: "newsprint issue" };
}

/** JSON Schema of a paper's style file (style.json). */
export function styleJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(styleSchema, { io: "input", unrepresentable: "any" });
  return { ...schema, $id: "https://newsprint.local/schema/style.schema.json", title: "newsprint house style" };
}
