import type { Feature, Buffer as HbBuffer, Font as HbFont } from "harfbuzzjs";
import { harfBuzz } from "./harfbuzz";

// One HarfBuzz call: a piece of text in one font subset, script and language, with the features the
// CSS asks for. One buffer serves the process (cleared between calls). `text` is what is copied into
// HarfBuzz's memory: the caller passes the piece alone, or a text with the piece at [start, end) to
// shape it in its context.

/** A shaped piece in font units: each code unit's advance (a cluster's on its first unit) and where
 *  glyph clusters start; glyph ids for comparisons. */
export interface ShapedPiece {
  advances: Int32Array;
  clusters: Uint8Array;
  glyphs: Uint32Array;
}

let buffer: HbBuffer | undefined;
const featureLists = new WeakMap<Record<string, number>, Feature[]>();

function featureList(features: Record<string, number>): Feature[] {
  let found = featureLists.get(features);
  if (!found) {
    const hb = harfBuzz();
    found = Object.entries(features).map(([tag, value]) => new hb.Feature(tag, value));
    featureLists.set(features, found);
  }
  return found;
}

export function shapePiece(
  font: HbFont,
  text: string,
  script: string,
  lang: string,
  features: Record<string, number>,
  start = 0,
  end = text.length,
): ShapedPiece {
  const hb = harfBuzz();
  buffer ??= new hb.Buffer();
  buffer.clearContents();
  buffer.addText(text, start, end - start);
  buffer.setDirection(hb.Direction.LTR);
  buffer.setScript(script);
  buffer.setLanguage(lang);
  hb.shape(font, buffer, featureList(features));
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();
  const advances = new Int32Array(end - start);
  const clusters = new Uint8Array(end - start);
  const glyphs = new Uint32Array(infos.length);
  infos.forEach((g, k) => {
    const at = g.cluster - start;
    advances[at] = (advances[at] as number) + (positions[k]?.xAdvance ?? 0);
    clusters[at] = 1;
    glyphs[k] = g.codepoint;
  });
  return { advances, clusters, glyphs };
}
