export { formatProblem, IssueError, type IssueProblem } from "./errors";
export { mmToPt, type PageFormat, ptToMm, resolveFormat } from "./format";
export { type Issue, loadIssue, parseIssue, resolveIssuePath } from "./load";
export { PRESETS } from "./presets";
export * from "./schema";
