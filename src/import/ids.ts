import { basename, extname } from "node:path";

// Article ids are ASCII (the schema's /^[A-Za-z0-9][A-Za-z0-9_-]*$/): a slug of the source file's name
// and the story's number in it, e.g. reporter-2. Chinese file names give "article".

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export function fileSlug(file: string): string {
  const slug = basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, 32)
    .replace(/[-_]+$/, "");
  return slug || "article";
}

/** Hands out ids unique in the issue (the ids already in it are taken). */
export class IdPool {
  private readonly taken: Set<string>;
  constructor(existing: Iterable<string>) {
    this.taken = new Set(existing);
  }

  /** The wanted id if free, else wanted-2, wanted-3, … */
  claim(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.taken.has(id); n++) id = `${wanted}-${n}`;
    this.taken.add(id);
    return id;
  }
}
