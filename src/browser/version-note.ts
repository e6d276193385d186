import { readFileSync, realpathSync, statSync } from "node:fs";
import { writeAtomic } from "../write-atomic";

// Which Chromium a binary is, noted by the binary's identity (real path, size, modification time,
// inode): asking needs a running browser, and a plan whose measurements are all cached needs none.
// A package upgrade rewrites the binary, so the note no longer matches and the browser is asked.

interface Note {
  binary: string;
  identity: string;
  version: string;
}

function identity(binary: string): { path: string; id: string } | undefined {
  try {
    const path = realpathSync(binary);
    const s = statSync(path);
    return { path, id: `${s.size}:${s.mtimeMs}:${s.ino}` };
  } catch {
    return undefined;
  }
}

function read(file: string): Note[] {
  try {
    const notes: unknown = JSON.parse(readFileSync(file, "utf8"));
    return Array.isArray(notes) ? (notes as Note[]) : [];
  } catch {
    return [];
  }
}

export function notedVersion(file: string, binary: string): string | undefined {
  const me = identity(binary);
  if (!me) return undefined;
  return read(file).find((n) => n.binary === me.path && n.identity === me.id)?.version;
}

export async function noteVersion(file: string, binary: string, version: string): Promise<void> {
  const me = identity(binary);
  if (!me) return;
  const others = read(file).filter((n) => n.binary !== me.path);
  try {
    await writeAtomic(file, `${JSON.stringify([...others, { binary: me.path, identity: me.id, version }], null, 2)}\n`);
  } catch {
    // A note that cannot be written only means asking the browser next time.
  }
}
