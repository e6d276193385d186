import { inflateRawSync } from "node:zlib";
import { formatBytes, IMPORT_LIMITS } from "./limits";

// A .docx is a ZIP archive of XML parts and pictures. Before mammoth (and JSZip inside it) sees
// one, its archive is read here: what it inflates to, part by part and in total, is bounded by
// inflating every part with a ceiling (a zip bomb stops at the ceiling, not in a heap crash), and
// the document's paragraphs are counted. What is wrong is said of the file, in our words: an old
// .doc, a ZIP without a Word document in it, a password, a damaged archive.

/** Why a file is not a Word document mammoth can be given; the caller names the file. */
export class DocxProblem extends Error {
  override name = "DocxProblem";
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function entriesOf(zip: Buffer): Entry[] {
  const notZip = new DocxProblem("not a readable Word .docx file (not a ZIP archive, as every .docx is)");
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--)
    if (zip.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) throw notZip;
  const count = zip.readUInt16LE(end + 10);
  const size = zip.readUInt32LE(end + 12);
  const start = zip.readUInt32LE(end + 16);
  if (count === 0xffff || start === 0xffffffff)
    throw new DocxProblem("not a readable Word .docx file (a ZIP64 archive: larger than any Word document)");
  if (count > IMPORT_LIMITS.zipEntries)
    throw new DocxProblem(`${count} parts in the archive, more than the ${IMPORT_LIMITS.zipEntries} a .docx may have`);
  if (start + size > end) throw notZip;
  const entries: Entry[] = [];
  let at = start;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL) throw notZip;
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    entries.push({
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** A part inflated, never to more than `ceiling` bytes; undefined when it would be more. */
function inflate(zip: Buffer, entry: Entry, ceiling: number): Buffer | undefined {
  const damaged = new DocxProblem(`not a readable Word .docx file (the archive is damaged at ${entry.name})`);
  if (entry.offset + 30 > zip.length || zip.readUInt32LE(entry.offset) !== LOCAL) throw damaged;
  const begin = entry.offset + 30 + zip.readUInt16LE(entry.offset + 26) + zip.readUInt16LE(entry.offset + 28);
  const data = zip.subarray(begin, begin + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw damaged;
  if (entry.flags & 1) throw new DocxProblem("a password-protected document: save it without a password");
  if (entry.method === 0) return data.length > ceiling ? undefined : data;
  if (entry.method !== 8)
    throw new DocxProblem(`not a readable Word .docx file (${entry.name} is compressed in a way Word does not use)`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, ceiling) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return undefined;
    throw damaged;
  }
}

/** The main document part, as the package's relationships name it (word/document.xml mostly). */
function mainPart(zip: Buffer, entries: Map<string, Entry>): string {
  const rels = entries.get("_rels/.rels");
  const xml = rels ? inflate(zip, rels, IMPORT_LIMITS.xmlBytes)?.toString("utf8") : undefined;
  for (const rel of xml?.match(/<Relationship\b[^>]*>/g) ?? []) {
    if (!/Type="[^"]*\/officeDocument"/.test(rel)) continue;
    const target = /Target="\/?([^"]+)"/.exec(rel)?.[1];
    if (target) return target;
  }
  return "word/document.xml";
}

export interface DocxCheck {
  paragraphs: number;
}

/** Checks a .docx's archive before it is opened: a Word document, within every limit. */
export function checkDocxContainer(zip: Buffer): DocxCheck {
  // An OLE compound file: Word 97–2003, or a .docx encrypted with a password (Word wraps it so).
  if (zip.length >= 8 && zip.readUInt32BE(0) === 0xd0cf11e0 && zip.readUInt32BE(4) === 0xa1b11ae1)
    throw new DocxProblem(
      "an old Word .doc file, or a .docx with a password: save it as a Word .docx document without a password",
    );
  const entries = entriesOf(zip);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const main = mainPart(zip, byName);
  const document = byName.get(main);
  if (!document)
    throw new DocxProblem(`not a readable Word .docx file (a ZIP archive without a Word document in it: no ${main})`);

  let inflated = 0;
  let xml = 0;
  let documentXml: Buffer | undefined;
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const isXml = /\.(xml|rels)$/i.test(entry.name);
    const ceiling = Math.min(
      IMPORT_LIMITS.inflatedBytes - inflated,
      isXml ? IMPORT_LIMITS.xmlBytes - xml : Number.POSITIVE_INFINITY,
    );
    const data = inflate(zip, entry, ceiling);
    if (!data)
      throw new DocxProblem(
        isXml
          ? `the document's text inflates to more than ${formatBytes(IMPORT_LIMITS.xmlBytes)} (a .docx of a day's copy is a few MB): split it, or check that it is the file meant`
          : `the document inflates to more than ${formatBytes(IMPORT_LIMITS.inflatedBytes)}: make its pictures smaller or split it`,
      );
    inflated += data.length;
    if (isXml) xml += data.length;
    if (entry === document) documentXml = data;
  }
  const paragraphs = documentXml?.toString("latin1").match(/<w:p[\s>/]/g)?.length ?? 0;
  if (paragraphs > IMPORT_LIMITS.paragraphs)
    throw new DocxProblem(
      `${paragraphs} paragraphs, more than the ${IMPORT_LIMITS.paragraphs} one import reads: split the document`,
    );
  return { paragraphs };
}
