// The image stage: photos of the issue, cropped and resampled for their slots on the page.

export { type Artwork, probeArtwork } from "./artwork";
export { ImageError, type ImageProblem, imageWarningDiagnostic } from "./errors";
export { prepareImages } from "./prepare";
export { probeImage, probeLogo, probeLogoFile } from "./probe";
export { resolveSource } from "./source-path";
export type { ImageOptions, ImageRequest, ImageWarning, PreparedImage } from "./types";
