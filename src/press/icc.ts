import { InputError } from "../errors";
import { readRegularFile } from "../files";

// Reads the little of an ICC profile header that the press step needs: that it is a CMYK output
// profile, and its description to name the output condition when the caller gives none.

export class ProfileError extends InputError {
  override name = "ProfileError";
  override readonly title = "press options";
}

export interface IccInfo {
  colourSpace: string;
  deviceClass: string;
  description: string;
  bytes: Uint8Array;
}

/** Far above any output profile (a few MB at most). */
const MAX_PROFILE_BYTES = 64 * 1024 * 1024;

const ascii = (b: Uint8Array, start: number, len: number) =>
  String.fromCharCode(...b.subarray(start, start + len)).trim();

export async function readIccProfile(path: string): Promise<IccInfo> {
  let bytes: Uint8Array;
  try {
    // A regular file, opened without blocking: a named pipe or a device is refused, not waited on.
    bytes = new Uint8Array(await readRegularFile(path, MAX_PROFILE_BYTES));
  } catch (err) {
    throw new ProfileError(`cannot read ICC profile ${path}: ${(err as Error).message}`);
  }
  if (bytes.length < 132 || ascii(bytes, 36, 4) !== "acsp") {
    throw new ProfileError(`${path} is not an ICC profile`);
  }
  const info: IccInfo = {
    deviceClass: ascii(bytes, 12, 4),
    colourSpace: ascii(bytes, 16, 4),
    description: readDescription(bytes) ?? "",
    bytes,
  };
  return info;
}

/** Checks that a profile can be a press output intent: a CMYK output ("prtr") profile. */
export function assertCmykOutputProfile(path: string, info: IccInfo): void {
  if (info.colourSpace !== "CMYK" || info.deviceClass !== "prtr") {
    throw new ProfileError(
      `${path} is a ${info.colourSpace} ${info.deviceClass} profile; the output intent needs a CMYK output (prtr) profile`,
    );
  }
}

function readDescription(b: Uint8Array): string | undefined {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const count = view.getUint32(128);
  for (let i = 0; i < count && 132 + 12 * i + 12 <= b.length; i++) {
    const entry = 132 + 12 * i;
    if (ascii(b, entry, 4) !== "desc") continue;
    const offset = view.getUint32(entry + 4);
    const type = ascii(b, offset, 4);
    if (type === "desc" && offset + 12 <= b.length) {
      // ICC v2 textDescriptionType: 7-bit ASCII count + string (NUL-terminated).
      const len = view.getUint32(offset + 8);
      return ascii(b, offset + 12, Math.min(len, b.length - offset - 12)).replace(/\0.*$/s, "");
    }
    if (type === "mluc" && offset + 28 <= b.length) {
      // ICC v4 multiLocalizedUnicodeType: first record, UTF-16BE.
      const len = view.getUint32(offset + 20);
      const at = offset + view.getUint32(offset + 24);
      let s = "";
      for (let j = 0; j + 1 < len && at + j + 1 < b.length; j += 2) s += String.fromCharCode(view.getUint16(at + j));
      return s.replace(/\0.*$/s, "");
    }
  }
  return undefined;
}
