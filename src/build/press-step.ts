import type { Issue } from "../load";
import { makePressFiles, type PressResult, type PressStepOptions, pressOptionsForIssue } from "../press";

// build --press: the proof PDF becomes the plant's files (one PDF/X per page plus the whole issue).
// The options come from src/press/issue-options.ts, which the CLI checks before the build starts.

export { type PressStepOptions, pressDir } from "../press";

export async function runPressStep(
  issue: Issue,
  proofPdf: string,
  outDir: string,
  opts: PressStepOptions,
): Promise<PressResult> {
  return makePressFiles(proofPdf, pressOptionsForIssue(issue, outDir, opts).options);
}
