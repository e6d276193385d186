import { isAbsolute, relative, sep } from "node:path";

/** Whether `path` is inside the folder `root` (the folder itself counts only with `orSelf`). The one
 *  containment rule of every file newsprint reads on an issue's behalf: photos, ads, served files. */
export function isInside(root: string, path: string, orSelf = false): boolean {
  const rel = relative(root, path);
  if (rel === "") return orSelf;
  return rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
