import { deflateSync } from "node:zlib";
import {
  decodePDFRawStream,
  PDFArray,
  type PDFContext,
  PDFDict,
  type PDFDocument,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
} from "pdf-lib";
import { type ColourSpaceKind, rewriteNeutralColours } from "./neutral-grey";

// Applies the neutral-grey rewrite (see neutral-grey.ts) to every content stream a page paints
// with: the page contents, Form XObjects and tiling patterns, recursively, each with its own
// resources for looking up named colour spaces.

export interface NeutraliseStats {
  streams: number;
  operators: number;
}

const name = (s: string) => PDFName.of(s);

function lookupDict(context: PDFContext, obj: PDFObject | undefined): PDFDict | undefined {
  const v = obj instanceof PDFRef ? context.lookup(obj) : obj;
  return v instanceof PDFDict ? v : undefined;
}

/** Whether a colour space object takes r g b operands: DeviceRGB, CalRGB or ICCBased with N 3. */
export function colourSpaceKind(context: PDFContext, obj: PDFObject | undefined): ColourSpaceKind {
  const cs = obj instanceof PDFRef ? context.lookup(obj) : obj;
  if (cs instanceof PDFName) return cs.asString() === "/DeviceRGB" ? "rgb" : "other";
  if (!(cs instanceof PDFArray) || cs.size() < 1) return "other";
  const family = cs.lookup(0);
  if (!(family instanceof PDFName)) return "other";
  if (family.asString() === "/CalRGB") return "rgb";
  if (family.asString() !== "/ICCBased") return "other";
  const stream = cs.lookup(1);
  const n = stream instanceof PDFStream ? stream.dict.lookup(name("N")) : undefined;
  return n instanceof PDFNumber && n.asNumber() === 3 ? "rgb" : "other";
}

function decode(stream: PDFStream): string {
  const bytes = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
  return Buffer.from(bytes).toString("latin1");
}

/** A new Flate stream with the given dictionary entries (minus the old filter) and content. */
function reencode(context: PDFContext, dict: PDFDict, content: string): PDFRawStream {
  const copy = dict.clone(context);
  copy.delete(name("DecodeParms"));
  copy.set(name("Filter"), name("FlateDecode"));
  const bytes = deflateSync(Buffer.from(content, "latin1"));
  copy.set(name("Length"), PDFNumber.of(bytes.length));
  return PDFRawStream.of(copy, bytes);
}

export function neutraliseDocument(doc: PDFDocument): NeutraliseStats {
  const context = doc.context;
  const stats: NeutraliseStats = { streams: 0, operators: 0 };
  const visited = new Set<string>();

  const rewrite = (content: string, resources: PDFDict | undefined): string => {
    const colourSpaces = lookupDict(context, resources?.get(name("ColorSpace")));
    const result = rewriteNeutralColours(content, (n) => colourSpaceKind(context, colourSpaces?.get(name(n.slice(1)))));
    if (result.rewritten > 0) stats.streams++;
    stats.operators += result.rewritten;
    visitResources(resources);
    return result.content;
  };

  // Form XObjects and tiling patterns are content streams of their own, with own resources.
  const visitResources = (resources: PDFDict | undefined) => {
    if (!resources) return;
    for (const key of ["XObject", "Pattern"]) {
      const dict = lookupDict(context, resources.get(name(key)));
      for (const [, value] of dict?.entries() ?? []) {
        if (!(value instanceof PDFRef) || visited.has(value.toString())) continue;
        visited.add(value.toString());
        const stream = context.lookup(value);
        if (!(stream instanceof PDFStream)) continue;
        const subtype = stream.dict.lookup(name("Subtype"));
        const patternType = stream.dict.lookup(name("PatternType"));
        const isForm = subtype instanceof PDFName && subtype.asString() === "/Form";
        const isTiling = patternType instanceof PDFNumber && patternType.asNumber() === 1;
        if (!isForm && !isTiling) continue;
        const own = lookupDict(context, stream.dict.get(name("Resources"))) ?? resources;
        context.assign(value, reencode(context, stream.dict, rewrite(decode(stream), own)));
      }
    }
  };

  for (const page of doc.getPages()) {
    const { Contents, Resources } = page.node.normalizedEntries();
    if (!Contents) continue;
    // Joined into one stream: a split between streams may fall between operands and operator.
    const parts = Contents instanceof PDFArray ? Contents.asArray() : [page.node.get(name("Contents"))];
    const streams = parts.map((p) => (p instanceof PDFRef ? context.lookup(p) : p));
    const text = streams
      .filter((s): s is PDFStream => s instanceof PDFStream)
      .map(decode)
      .join("\n");
    const stream = reencode(context, context.obj({}), rewrite(text, Resources));
    page.node.set(name("Contents"), context.register(stream));
  }
  return stats;
}
