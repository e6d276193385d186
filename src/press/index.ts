// Public face of the press step; see make-press-files.ts for the pipeline.

export { PDFX_VERSIONS, type PdfxVersion } from "../pdf/metadata";
export { type EditionProof, makeEditionsPressFiles } from "./edition-press";
export { ProfileError } from "./icc";
export {
  checkPressOptions,
  editionPressOptions,
  FALLBACK_SLUG,
  type IssuePress,
  type IssuePressFile,
  type PressFlags,
  type PressStepOptions,
  pressDir,
  pressFilesOfIssue,
  pressOptionsForIssue,
} from "./issue-options";
export { makeEditionPressFiles, makePressFiles, PressError } from "./make-press-files";
export { NamingError } from "./naming";
export type { PressMetadata, PressOptions } from "./options";
export { defaultProfileFor, PressOptionsError } from "./options";
export type { OutputIntent } from "./pdfx-def";
export type { EditionPressResult, PressPage, PressResult } from "./types";
