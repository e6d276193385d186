import { mkdtempSync, rmdirSync } from "node:fs";
import { mkdir, rename, rm, rmdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { onExit, removeFolderAtExit } from "../exit-cleanup";

// Press files reach the output folder all at once or not at all: everything is written into a
// hidden staging folder inside it (same file system, so rename is atomic), renamed into place
// at the end, and on any error the staging folder goes away with whatever it held — also when the
// process ends halfway (Ctrl-C), through an exit cleanup.

export interface Staging {
  /** Where finished files are written before commit. */
  dir: string;
  /** Scratch space for intermediate files; never committed. */
  workDir: string;
  /** Moves the named files (written in `dir`) into the output folder. */
  commit(names: string[]): Promise<string[]>;
  /** Removes the staging folder, and the output folder too if this run created it empty. */
  discard(): Promise<void>;
}

export async function openStaging(outDir: string): Promise<Staging> {
  const existed = await stat(outDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  await mkdir(outDir, { recursive: true });
  // Made and registered for removal in one synchronous step: a signal cannot come between.
  const dir = mkdtempSync(join(outDir, ".press-"));
  const workDir = join(dir, ".work");
  const forget = onExit(() => {
    // A Ghostscript being killed at this moment may still add a file.
    removeFolderAtExit(dir);
    if (!existed) {
      try {
        rmdirSync(outDir);
      } catch {
        // Not empty (another run's files) or already gone.
      }
    }
  });
  await mkdir(workDir);
  const cleanup = async () => {
    await rm(dir, { recursive: true, force: true });
    forget();
  };
  return {
    dir,
    workDir,
    async commit(names) {
      const done: string[] = [];
      try {
        for (const name of names) {
          const target = join(outDir, name);
          await rename(join(dir, name), target);
          done.push(target);
        }
      } catch (err) {
        // A half-committed set is worse than none: take back what was moved.
        await Promise.all(done.map((f) => rm(f, { force: true })));
        throw err;
      } finally {
        await cleanup();
      }
      return done;
    },
    async discard() {
      await cleanup();
      if (!existed) await rmdir(outDir).catch(() => undefined);
    },
  };
}
