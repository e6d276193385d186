// Public face of the preflight; see preflight.ts.

export { formatReport } from "./format";
export { assertPreflightPassed, preflight } from "./preflight";
export type {
  CheckName,
  CheckResult,
  FileReport,
  Finding,
  PreflightReport,
  Status,
} from "./types";
