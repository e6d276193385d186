import { readFileSync } from "node:fs";
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from "pdf-lib";
import { instructions } from "../../../src/pdf/content-lexer";

// Where a page draws its images and forms: the content stream read back, the transformation
// matrix followed through q/Q/cm to each Do. Rectangles in pt from the page's top left.

export interface Placed {
  name: string;
  subtype: "Image" | "Form";
  /** Pixel size of an image. */
  pixels?: { width: number; height: number };
  left: number;
  top: number;
  width: number;
  height: number;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

function streamText(doc: PDFDocument, ref: unknown): string {
  const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
  if (!(stream instanceof PDFRawStream)) return "";
  return Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
}

function numbers(array: unknown): number[] {
  return array instanceof PDFArray ? array.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : 0)) : [];
}

export async function placements(file: string, pageIndex: number): Promise<Placed[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const page = doc.getPage(pageIndex);
  const height = page.getMediaBox().height;
  const contents = page.node.Contents();
  const parts = contents instanceof PDFArray ? contents.asArray() : [contents];
  const source = parts.map((p) => streamText(doc, p)).join("\n");
  const xobjects = page.node.Resources()?.lookup(PDFName.of("XObject"), PDFDict);
  const found: Placed[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  for (const ins of instructions(source)) {
    if (ins.op === "q") stack.push(ctm);
    else if (ins.op === "Q") ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (ins.op === "cm") ctm = multiply(ins.operands.map((t) => Number(t.text)) as Matrix, ctm);
    else if (ins.op === "Do") {
      const name = ins.operands[0]?.text.replace(/^\//, "") ?? "";
      const object = xobjects?.lookup(PDFName.of(name));
      const dict = object instanceof PDFRawStream ? object.dict : undefined;
      const subtype = dict?.get(PDFName.of("Subtype"))?.toString() === "/Image" ? "Image" : "Form";
      // An image is the unit square; a form its bounding box through its own matrix.
      let box: [number, number, number, number] = [0, 0, 1, 1];
      let m = ctm;
      if (subtype === "Form" && dict) {
        const b = numbers(dict.get(PDFName.of("BBox")));
        box = [b[0] ?? 0, b[1] ?? 0, b[2] ?? 0, b[3] ?? 0];
        const fm = numbers(dict.get(PDFName.of("Matrix")));
        if (fm.length === 6) m = multiply(fm as Matrix, ctm);
      }
      const corners = [apply(m, box[0], box[1]), apply(m, box[2], box[3])];
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => c[1]);
      const pixels =
        subtype === "Image" && dict
          ? {
              width: Number(dict.get(PDFName.of("Width"))?.toString()),
              height: Number(dict.get(PDFName.of("Height"))?.toString()),
            }
          : undefined;
      found.push({
        name,
        subtype,
        pixels,
        left: Math.min(...xs),
        top: height - Math.max(...ys),
        width: Math.max(...xs) - Math.min(...xs),
        height: Math.max(...ys) - Math.min(...ys),
      });
    }
  }
  return found;
}
