import { inflateSync } from "node:zlib";

// WOFF 1.0 → the sfnt (TrueType/OpenType) it wraps: each table is zlib-compressed on its own.
// HarfBuzz reads sfnt only; the printed page loads the same .woff file, so both shape one font.

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"

export function isWoff(data: Uint8Array): boolean {
  return data.length >= 44 && Buffer.from(data.buffer, data.byteOffset, 4).readUInt32BE(0) === WOFF_SIGNATURE;
}

/** The outline tables: HarfBuzz shapes without them (advances are in hmtx); only ink extents need them. */
export const OUTLINES: ReadonlySet<string> = new Set(["glyf", "loca", "CFF ", "CFF2"]);

/** The sfnt of a WOFF file; `without` names tables left out (not inflated: most of the bytes). */
export function woffToSfnt(data: Uint8Array, without: ReadonlySet<string> = new Set()): Uint8Array {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (b.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error("not a WOFF 1.0 file");
  const flavor = b.readUInt32BE(4);
  const all = b.readUInt16BE(12);
  const tables = Array.from({ length: all }, (_, i) => {
    const at = 44 + i * 20;
    return {
      tag: b.subarray(at, at + 4),
      offset: b.readUInt32BE(at + 4),
      compLength: b.readUInt32BE(at + 8),
      origLength: b.readUInt32BE(at + 12),
      checksum: b.readUInt32BE(at + 16),
      out: 0,
    };
  }).filter((t) => !without.has(t.tag.toString("latin1")));
  const count = tables.length;
  let size = 12 + 16 * count;
  for (const t of tables) {
    t.out = size;
    size += (t.origLength + 3) & ~3;
  }
  const out = Buffer.alloc(size);
  const power = 2 ** Math.floor(Math.log2(Math.max(1, count)));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(count * 16 - power * 16, 10);
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    t.tag.copy(out, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(t.out, at + 8);
    out.writeUInt32BE(t.origLength, at + 12);
    const stored = b.subarray(t.offset, t.offset + t.compLength);
    (t.compLength < t.origLength ? inflateSync(stored) : stored).copy(out, t.out);
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
