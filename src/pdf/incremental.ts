// An incremental update (ISO 32000-1, 7.5.6): new or changed objects appended after the file's
// end with a cross-reference section of their own, the original bytes untouched. Setting a proof's
// Info and XMP this way costs microseconds; loading and rewriting the whole proof costs seconds at
// 64 pages. Only files with a classic cross-reference table and trailer (as Chromium writes them)
// are updated here; others get `undefined` and the caller rewrites them.

interface Trailer {
  size: number;
  root: string;
  prev: number;
  id?: string;
}

function readTrailer(text: string): Trailer | undefined {
  const at = text.lastIndexOf("startxref");
  const prev = Number(/startxref\s+(\d+)/.exec(text.slice(at))?.[1]);
  if (at < 0 || !Number.isFinite(prev) || !text.startsWith("xref", prev)) return undefined;
  const trailerAt = text.indexOf("trailer", prev);
  const dict = trailerAt < 0 ? "" : text.slice(trailerAt, at);
  const size = Number(/\/Size\s+(\d+)/.exec(dict)?.[1]);
  const root = /\/Root\s+(\d+\s+\d+)\s+R/.exec(dict)?.[1];
  const id = /\/ID\s*(\[[^\]]*\])/.exec(dict)?.[1];
  if (!Number.isFinite(size) || !root) return undefined;
  return { size, root, prev, id };
}

/** The objects to set: each as the text between "N 0 obj" and "endobj", or a stream's bytes. */
export type NewObject = { dict: string } | { dict: string; stream: Uint8Array };

/** The document catalog as the file has it: its object number and dictionary text. */
export interface Catalog {
  num: number;
  dict: string;
}

/**
 * Appends objects and a new trailer to `pdf`. `build` gets the next free object number and the
 * catalog, and returns the objects to write (by number: new ones, or the catalog's to replace it)
 * and the trailer's /Info object.
 */
export function appendUpdate(
  pdf: Uint8Array,
  build: (next: number, catalog: Catalog) => { objects: Map<number, NewObject>; info?: number },
): Uint8Array | undefined {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const trailer = readTrailer(text);
  if (!trailer) return undefined;
  const dict = objectText(text, trailer.root);
  const [num, gen] = trailer.root.split(/\s+/).map(Number);
  if (dict === undefined || gen !== 0 || num === undefined) return undefined;
  const { objects, info } = build(trailer.size, { num, dict });
  const chunks: Buffer[] = [Buffer.from(pdf)];
  let offset = pdf.byteLength;
  const push = (b: Buffer) => {
    chunks.push(b);
    offset += b.length;
  };
  if (text[text.length - 1] !== "\n") push(Buffer.from("\n"));
  const offsets = new Map<number, number>();
  for (const [num, obj] of [...objects].sort((a, b) => a[0] - b[0])) {
    offsets.set(num, offset);
    if ("stream" in obj) {
      push(Buffer.from(`${num} 0 obj\n${obj.dict}\nstream\n`, "latin1"));
      push(Buffer.from(obj.stream));
      push(Buffer.from("\nendstream\nendobj\n", "latin1"));
    } else push(Buffer.from(`${num} 0 obj\n${obj.dict}\nendobj\n`, "latin1"));
  }
  const xrefAt = offset;
  const lines = ["xref"];
  for (const [num, at] of [...offsets].sort((a, b) => a[0] - b[0])) {
    lines.push(`${num} 1`, `${String(at).padStart(10, "0")} 00000 n `);
  }
  const size = Math.max(trailer.size, ...[...objects.keys()].map((n) => n + 1));
  const entries = [
    `/Size ${size}`,
    `/Root ${trailer.root} R`,
    ...(info !== undefined ? [`/Info ${info} 0 R`] : []),
    `/Prev ${trailer.prev}`,
    ...(trailer.id ? [`/ID ${trailer.id}`] : []),
  ];
  lines.push("trailer", `<<${entries.join("\n")}>>`, "startxref", String(xrefAt), "%%EOF", "");
  push(Buffer.from(lines.join("\n"), "latin1"));
  return new Uint8Array(Buffer.concat(chunks));
}

/** The dictionary text of object "N G" as the file writes it (found by its header, last one wins). */
function objectText(text: string, ref: string): string | undefined {
  const [num, gen] = ref.split(/\s+/);
  const header = new RegExp(`(?:^|[\\r\\n\\s])${num}\\s+${gen}\\s+obj\\b`, "g");
  let start = -1;
  for (const m of text.matchAll(header)) start = (m.index ?? 0) + m[0].length;
  if (start < 0) return undefined;
  const end = text.indexOf("endobj", start);
  return end < 0 ? undefined : text.slice(start, end).trim();
}

/** A PDF text string for an Info value: UTF-16BE with its byte order mark, in hex. */
export function pdfTextString(value: string): string {
  const bytes = [0xfe, 0xff];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    bytes.push(c >> 8, c & 0xff);
  }
  return `<${Buffer.from(bytes).toString("hex").toUpperCase()}>`;
}

/** D:YYYYMMDDHHmmSSZ for an Info date. */
export function pdfDate(d: Date): string {
  return `(D:${d.toISOString().replace(/[-:T]/g, "").slice(0, 14)}Z)`;
}
