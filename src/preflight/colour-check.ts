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
import { instructions } from "../pdf/content-lexer";
import type { ImageRow } from "./poppler";
import { type CheckResult, checkResult, type Finding } from "./types";

// Colour spaces a plant accepts: DeviceCMYK, DeviceGray and spot colours. RGB anywhere — colour
// operators in content streams, colour-space resources, shadings, transparency groups, images —
// is an error: the plant's RIP would convert it with a profile nobody chose. Device-independent
// CMYK/grey (ICCBased) and Lab are errors in PDF/X-1a, warnings otherwise.

export type SpaceClass = "gray" | "cmyk" | "rgb" | "lab" | "icc-gray" | "icc-cmyk" | "spot" | "pattern" | "other";

const n = (s: string) => PDFName.of(s);
const deref = (ctx: PDFContext, o: PDFObject | undefined) => (o instanceof PDFRef ? ctx.lookup(o) : o);
const dictOf = (ctx: PDFContext, o: PDFObject | undefined) => {
  const v = deref(ctx, o);
  return v instanceof PDFDict ? v : v instanceof PDFStream ? v.dict : undefined;
};

export function classifySpace(ctx: PDFContext, obj: PDFObject | undefined): SpaceClass {
  const cs = deref(ctx, obj);
  if (cs instanceof PDFName) {
    const name = cs.asString();
    if (name === "/DeviceRGB" || name === "/RGB") return "rgb";
    if (name === "/DeviceCMYK" || name === "/CMYK") return "cmyk";
    if (name === "/DeviceGray" || name === "/G") return "gray";
    if (name === "/Pattern") return "pattern";
    return "other";
  }
  if (!(cs instanceof PDFArray)) return "other";
  const family = (deref(ctx, cs.get(0)) as PDFName | undefined)?.asString?.() ?? "";
  switch (family) {
    case "/CalRGB":
      return "rgb";
    case "/CalGray":
      return "icc-gray";
    case "/Lab":
      return "lab";
    case "/ICCBased": {
      const stream = deref(ctx, cs.get(1));
      const comps = stream instanceof PDFStream ? stream.dict.lookup(n("N")) : undefined;
      const count = comps instanceof PDFNumber ? comps.asNumber() : 0;
      return count === 3 ? "rgb" : count === 4 ? "icc-cmyk" : count === 1 ? "icc-gray" : "other";
    }
    case "/Indexed":
    case "/I":
      return classifySpace(ctx, cs.get(1));
    case "/Separation":
    case "/DeviceN": {
      // A spot colour is fine; an RGB alternate still becomes RGB wherever the spot is not kept.
      const alternate = classifySpace(ctx, cs.get(2));
      return alternate === "rgb" ? "rgb" : "spot";
    }
    case "/Pattern":
      return cs.size() > 1 ? classifySpace(ctx, cs.get(1)) : "pattern";
    default:
      return "other";
  }
}

const LABEL: Partial<Record<SpaceClass, string>> = {
  rgb: "RGB",
  lab: "Lab",
  "icc-gray": "device-independent grey (ICCBased/CalGray)",
  "icc-cmyk": "device-independent CMYK (ICCBased)",
};

function severityOf(space: SpaceClass, strict: boolean): Finding["severity"] | undefined {
  if (space === "rgb") return "fail";
  if (space === "lab" || space === "icc-gray" || space === "icc-cmyk") return strict ? "fail" : "warn";
  return undefined;
}

/** `strict`: the file declares PDF/X-1a, which allows device CMYK, grey and spot colour only. */
export function checkColourSpaces(doc: PDFDocument, images: ImageRow[], strict: boolean): CheckResult {
  const ctx = doc.context;
  const found = new Map<string, Finding>(); // one finding per page and kind
  const add = (page: number, space: SpaceClass, where: string) => {
    const severity = severityOf(space, strict);
    if (!severity) return;
    const key = `${page}|${space}|${where}`;
    if (!found.has(key)) found.set(key, { severity, page, message: `${LABEL[space]} in ${where}` });
  };
  const visited = new Set<string>();

  const scanContent = (page: number, text: string, colourSpaces: PDFDict | undefined) => {
    let ops = 0;
    for (const ins of instructions(text)) {
      if (ins.op === "rg" || ins.op === "RG") ops++;
      else if ((ins.op === "cs" || ins.op === "CS") && ins.operands[0]) {
        const name = ins.operands[0].text;
        const space = name === "/DeviceRGB" ? "rgb" : classifySpace(ctx, colourSpaces?.get(n(name.slice(1))));
        if (space === "rgb") ops++;
      } else if (
        ins.op === "BI" &&
        /\/(CS|ColorSpace)\s*\/(RGB|DeviceRGB)\b/.test(ins.operands.map((o) => o.text).join(" "))
      ) {
        add(page, "rgb", "an inline image");
      }
    }
    if (ops > 0) add(page, "rgb", "colour operators of the content stream (rg/RG/cs)");
  };

  const scanResources = (page: number, res: PDFDict | undefined) => {
    if (!res) return;
    const colourSpaces = dictOf(ctx, res.get(n("ColorSpace")));
    for (const [, cs] of colourSpaces?.entries() ?? []) add(page, classifySpace(ctx, cs), "a colour-space resource");
    for (const [, sh] of dictOf(ctx, res.get(n("Shading")))?.entries() ?? []) {
      add(page, classifySpace(ctx, dictOf(ctx, sh)?.get(n("ColorSpace"))), "a shading (gradient)");
    }
    for (const [, pat] of dictOf(ctx, res.get(n("Pattern")))?.entries() ?? []) {
      const pd = dictOf(ctx, pat);
      const shading = dictOf(ctx, pd?.get(n("Shading")));
      if (shading) add(page, classifySpace(ctx, shading.get(n("ColorSpace"))), "a shading pattern");
      else visitStream(page, pat, res);
    }
    for (const [, xo] of dictOf(ctx, res.get(n("XObject")))?.entries() ?? []) visitStream(page, xo, res);
  };

  const visitStream = (page: number, ref: PDFObject | undefined, parentRes: PDFDict) => {
    if (ref instanceof PDFRef) {
      if (visited.has(ref.toString())) return;
      visited.add(ref.toString());
    }
    const stream = deref(ctx, ref);
    if (!(stream instanceof PDFStream)) return;
    const subtype = stream.dict.lookup(n("Subtype"));
    if (subtype instanceof PDFName && subtype.asString() === "/Image") return; // pdfimages covers images
    const group = dictOf(ctx, stream.dict.get(n("Group")));
    if (group) add(page, classifySpace(ctx, group.get(n("CS"))), "a transparency group");
    const res = dictOf(ctx, stream.dict.get(n("Resources"))) ?? parentRes;
    scanContent(page, decode(stream), dictOf(ctx, res.get(n("ColorSpace"))));
    scanResources(page, res);
  };

  doc.getPages().forEach((pdfPage, i) => {
    const page = i + 1;
    const { Contents, Resources } = pdfPage.node.normalizedEntries();
    const group = dictOf(ctx, pdfPage.node.get(n("Group")));
    if (group) add(page, classifySpace(ctx, group.get(n("CS"))), "the page's transparency group");
    const parts = Contents instanceof PDFArray ? Contents.asArray() : Contents ? [Contents] : [];
    const text = parts.map((p) => deref(ctx, p)).filter((s): s is PDFStream => s instanceof PDFStream);
    scanContent(page, text.map(decode).join("\n"), dictOf(ctx, Resources?.get(n("ColorSpace"))));
    scanResources(page, Resources);
  });

  for (const img of images) {
    const space: SpaceClass =
      img.colour === "rgb"
        ? "rgb"
        : img.colour === "icc"
          ? img.components === 3
            ? "rgb"
            : img.components === 4
              ? "icc-cmyk"
              : "icc-gray"
          : img.colour === "lab"
            ? "lab"
            : "other";
    add(img.page, space, `an image (${img.width}×${img.height} px)`);
  }

  const findings = [...found.values()].sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  return checkResult("colour-spaces", findings, "device CMYK, grey and spot colour only");
}

function decode(stream: PDFStream): string {
  try {
    const bytes = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
    return Buffer.from(bytes).toString("latin1");
  } catch {
    return ""; // an undecodable stream (unknown filter) paints nothing we can judge here
  }
}
