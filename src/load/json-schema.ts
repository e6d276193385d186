import { z } from "zod";
import { issueSchema } from "./schema";

/** JSON Schema of the issue file (input side: defaults optional), for editor completion. */
export function issueJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(issueSchema, { io: "input", unrepresentable: "any" });
  return { ...schema, $id: "https://newsprint.local/schema/issue.schema.json", title: "newsprint issue" };
}
