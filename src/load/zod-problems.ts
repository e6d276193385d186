import type { z } from "zod";
import { describeValue, type IssueProblem, jsonPath } from "./errors";
import type { ParsedJson } from "./json-text";

// A zod issue in the words of the problem list: JSON path, what was expected, what was found.

export function toProblem(file: string, issue: z.core.$ZodIssue, literalAt: ParsedJson["literalAt"]): IssueProblem {
  const input = "input" in issue ? issue.input : undefined;
  const found = "input" in issue ? describeValue(input) : "something else";
  let expected = issue.message;
  if (typeof input === "number" && !Number.isFinite(input)) {
    // JSON.parse reads 1e400 as Infinity (and JSON.stringify writes that as null).
    const literal = literalAt(issue.path as PropertyKey[]) ?? String(input);
    return {
      file,
      path: jsonPath(issue.path),
      expected: "a number in range",
      found: `${literal}, a number out of range`,
    };
  }
  if (issue.code === "invalid_type") expected = issue.expected;
  else if (issue.code === "unrecognized_keys") {
    return {
      file,
      path: jsonPath(issue.path),
      expected: "only known fields",
      found: `unknown field(s) ${issue.keys.join(", ")}`,
    };
  } else if (issue.code === "invalid_value")
    expected = `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
  else if (issue.code === "too_small") {
    const unit = issue.origin === "array" ? " item(s)" : issue.origin === "string" ? " character(s)" : "";
    // Exclusive (z.positive()): "at least 0, found 0" would contradict itself.
    expected = `${issue.inclusive === false ? "more than" : "at least"} ${String(issue.minimum)}${unit}`;
    if (typeof input === "number" && typeof issue.minimum === "number")
      return { file, path: jsonPath(issue.path), expected, found, below: { minimum: issue.minimum, value: input } };
  } else if (issue.code === "invalid_union") {
    // One alternative per branch, e.g. `one of "tabloid", "broadsheet" or object`.
    const branches = issue.errors.map((branch) => branch.find((b) => b.path.length === 0));
    if (branches.every(Boolean))
      expected = branches.map((b) => toProblem(file, b as z.core.$ZodIssue, literalAt).expected).join(" or ");
  } else if (issue.code === "too_big")
    expected = `${issue.inclusive === false ? "less than" : "at most"} ${String(issue.maximum)}`;
  else if (issue.code === "invalid_format") expected = issue.message.replace(/^Invalid string: /, "");
  return { file, path: jsonPath(issue.path), expected, found };
}
