export { adOrigin } from "./ads-file";
export { editionIssueData, pageZones, replacedPageNumbers } from "./editions";
export { IssueError, type IssueProblem, problemDiagnostic } from "./errors";
export { mmToPt, type PageFormat, ptToMm, resolveFormat } from "./format";
export {
  type Examined,
  examineIssue,
  type Issue,
  loadIssue,
  parseIssue,
  readIssueFile,
  resolveIssuePath,
} from "./load";
export { PRESETS } from "./presets";
export * from "./schema";
