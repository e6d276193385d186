import { closeSync, openSync, readFileSync, readSync } from "node:fs";

// WOFF 2.0 faces a paper supplies, decoded for HarfBuzz by Google's woff2 decoder (wawoff2, its
// WebAssembly build) — the decoder Chromium itself runs (through OTS) on the same file, so both
// shape the same sfnt. Decoding is asynchronous: loadComposer decodes the style's .woff2 files
// before composing; opening a face then finds its sfnt here.

const WOFF2_SIGNATURE = 0x774f4632; // "wOF2"

const decoded = new Map<string, Uint8Array>();

export function isWoff2(data: Uint8Array): boolean {
  return data.length >= 48 && Buffer.from(data.buffer, data.byteOffset, 4).readUInt32BE(0) === WOFF2_SIGNATURE;
}

/** Decodes the WOFF2 files among `files` (others are left alone), once per process. */
export async function decodeWoff2Files(files: readonly string[]): Promise<void> {
  const todo = files.filter((f) => !decoded.has(f) && isWoff2(head(f)));
  if (todo.length === 0) return;
  const { decompress } = await import("wawoff2");
  for (const file of todo) decoded.set(file, await decompress(readFileSync(file)));
}

/** The sfnt of a WOFF2 file decoded by decodeWoff2Files. */
export function woff2Sfnt(file: string): Uint8Array {
  const sfnt = decoded.get(file);
  if (!sfnt) throw new Error(`${file} is a WOFF2 file not decoded yet: pass its face to loadComposer`);
  return sfnt;
}

/** The first bytes of a file: enough to tell its format. */
function head(file: string): Uint8Array {
  const fd = openSync(file, "r");
  try {
    const bytes = new Uint8Array(48);
    return bytes.subarray(0, readSync(fd, bytes, 0, 48, 0));
  } finally {
    closeSync(fd);
  }
}
