// The bytes of issue.json as text. JSON is UTF-8 (RFC 8259); a UTF-8 byte order mark, which
// Windows editors write, is dropped. Files saved in another encoding are named as such instead of
// being read as mojibake: UTF-16 and UTF-32 by their byte order mark or NUL bytes, GBK/GB18030
// (common on Chinese desktops) by decoding cleanly as GB18030 with Chinese characters in it.

export type Decoded = { ok: true; text: string } | { ok: false; found: string };

const SAVE = "save it as UTF-8";

export function decodeIssueBytes(bytes: Uint8Array): Decoded {
  const wide = wideEncoding(bytes);
  if (wide) return { ok: false, found: `${wide} text; ${SAVE}` };
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(body) };
  } catch {
    if (looksGb18030(body)) return { ok: false, found: `GBK (GB18030) text; ${SAVE}` };
    return { ok: false, found: `${invalidUtf8(body)}; ${SAVE}` };
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function wideEncoding(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0])) return "UTF-32 (little-endian)";
  if (startsWith(bytes, [0, 0, 0xfe, 0xff])) return "UTF-32 (big-endian)";
  if (startsWith(bytes, [0xff, 0xfe])) return "UTF-16 (little-endian)";
  if (startsWith(bytes, [0xfe, 0xff])) return "UTF-16 (big-endian)";
  // No byte order mark: JSON text starts with ASCII, so NULs beside it give the width and order.
  const [a, b, c, d] = bytes;
  if (bytes.length >= 4 && a === 0 && b === 0 && c === 0 && d !== 0) return "UTF-32 (big-endian)";
  if (bytes.length >= 4 && a !== 0 && b === 0 && c === 0 && d === 0) return "UTF-32 (little-endian)";
  if (bytes.length >= 2 && a === 0 && b !== 0) return "UTF-16 (big-endian)";
  if (bytes.length >= 2 && a !== 0 && b === 0) return "UTF-16 (little-endian)";
  return undefined;
}

function looksGb18030(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return /\p{Script=Han}/u.test(text);
}

/** Where the first byte that is not UTF-8 sits, as line and column. */
function invalidUtf8(bytes: Uint8Array): string {
  const at = firstInvalidUtf8(bytes);
  const lines = new TextDecoder("utf-8").decode(bytes.subarray(0, at)).split("\n");
  const column = [...(lines.at(-1) ?? "")].length + 1;
  const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, "0");
  return `text that is not UTF-8 (byte 0x${byte} at line ${lines.length}, column ${column})`;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    const second = bytes[i + 1] ?? 0;
    if (n > 0) {
      // Overlong forms, surrogates and code points above U+10FFFF are excluded by the second byte.
      const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
      if (second < lo || second > hi) return i;
      for (let k = 2; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return i;
}
