// The image stage: photos of the issue, cropped and resampled for their slots on the page.
export { ImageError, type ImageProblem } from "./errors";
export { prepareImages } from "./prepare";
export { probeImage, probeLogo } from "./probe";
export { resolveSource } from "./source-path";

import { resolveSource } from "./source-path";

/** The real path of an ad's artwork inside the issue folder (same rules as photos). */
export const resolveAdSource = (issueDir: string, src: string, adId: string): Promise<string> =>
  resolveSource(issueDir, src, adId, "ad");
export type { ImageOptions, ImageRequest, ImageWarning, PreparedImage } from "./types";
