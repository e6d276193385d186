// Public face of the press step; see make-press-files.ts for the pipeline.

export type { PdfxVersion } from "./finish";
export { ProfileError } from "./icc";
export { makePressFiles, PressError } from "./make-press-files";
export { DEFAULT_ISSUE_PATTERN, DEFAULT_PAGE_PATTERN, NamingError } from "./naming";
export type { PressMetadata, PressOptions } from "./options";
export { defaultProfileFor, PROFILES_DIR, PressOptionsError } from "./options";
export type { OutputIntent } from "./pdfx-def";
export type { PressPage, PressResult } from "./types";
