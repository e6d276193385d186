// Public shapes of the image stage; index.ts re-exports them.
import type { ImagesConfig } from "../config/resolve";

/** What a photo belongs to, for messages: an article's photo, or an ad's raster artwork. */
export type ImageOwner = "article" | "ad";

export interface ImageRequest {
  /** Id of the article (or the ad, with `owner: "ad"`). */
  articleId: string;
  owner?: ImageOwner;
  /** Index in the article's images. */
  index: number;
  /** As written in the issue, relative to the issue folder. */
  src: string;
  /** Slot the make-up gives the photo (exact). */
  widthMm: number;
  heightMm: number;
  /** x, y in 0..1: keep this point when cropping; else sharp's attention strategy. */
  focus?: [number, number];
  /** Grey page: greyscale output. */
  mono: boolean;
}

/** Where the photos are and go, and the resolved configuration's images section: target and least
 *  resolution, whether low resolution is an error (strict), the decompression-bomb limit. */
export interface ImageOptions extends ImagesConfig {
  /** Absolute path of the issue folder. */
  issueDir: string;
  /** E.g. <output>/.cache/images; created if absent. */
  cacheDir: string;
}

export interface PreparedImage {
  articleId: string;
  index: number;
  /** Absolute path of the processed file in cacheDir (JPEG, or PNG when the source has alpha). */
  file: string;
  widthPx: number;
  heightPx: number;
  /** Resolution of the source pixels at the placed size (after crop), before resampling. */
  effectivePpi: number;
  /** True when the file came from the cache (no image work done). */
  cached: boolean;
}

export interface ImageWarning {
  articleId: string;
  owner?: ImageOwner;
  src: string;
  ppi: number;
  /** What is wrong with the photo: "a.jpg is 95 ppi at 120×80 mm, below 150 ppi". */
  detail: string;
  /** The same, naming the article (or ad) first. */
  message: string;
}
