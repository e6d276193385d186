import type { ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { onExit, removeFolderAtExit } from "../exit-cleanup";

// A launched Chromium's own folder under the OS temp folder: its profile (user-data-dir) and its
// TMPDIR, where it leaves org.chromium.Chromium.* files. The folder goes when the browser has
// exited, or at the latest when the command exits, however it ends (a Ctrl-C during the launch
// too). The profile holds what no switch says: link prediction off (no name resolved ahead of a
// navigation) and the sign-in's account listing pointed at a file URL, refused without a lookup.

export interface ChromiumProfile {
  userDataDir: string;
  tmpDir: string;
  /** Switches that name files of the profile. */
  args: string[];
  /** The browser launched with this profile: its folder goes once its process has exited. */
  own(browser: Browser): void;
  /** Removes the folder now (the launch failed). */
  remove(): void;
}

const PREFERENCES = {
  // 2: never (chrome's NetworkPredictionOptions): no preconnect or preresolve of a page's origin.
  net: { network_prediction_options: 2 },
  signin: { allowed: false, allowed_on_next_startup: false },
};

/** Where the sign-in looks for the accounts in its cookie jar on start, for every profile. */
const GAIA_CONFIG = {
  urls: {
    gaia_url: { url: "file:///dev/null/" },
    list_accounts_url: { url: "file:///dev/null/ListAccounts" },
  },
};

const UNIX_SOCKET_PATH_MAX = 107;
const SOCKET_SUFFIX_BYTES = "/.org.chromium.Chromium.XXXXXX/SingletonSocket".length;

export async function openProfile(): Promise<ChromiumProfile> {
  const root = mkdtempSync(join(tmpdir(), "newsprint-chromium-"));
  const userDataDir = join(root, "profile");
  // Chromium puts its SingletonSocket at <TMPDIR>/.org.chromium.Chromium.XXXXXX/SingletonSocket and
  // cannot start when that passes a Unix socket's 107-byte path limit: under a deep TMPDIR it gets
  // the OS temp folder itself (its leftovers there, as without a profile).
  const ownTmp = join(root, "tmp");
  const tmpDir = Buffer.byteLength(ownTmp) + SOCKET_SUFFIX_BYTES <= UNIX_SOCKET_PATH_MAX ? ownTmp : tmpdir();
  const gaiaConfig = join(root, "gaia.json");
  let chromium: ChildProcess | undefined;
  const removeNow = () => rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  const cancel = onExit(() => {
    // Exiting: Chromium is killed first, its helpers with it (puppeteer starts it as the leader of
    // its own process group), so that nothing writes into the folder as it goes.
    if (chromium && chromium.exitCode === null && chromium.signalCode === null) killGroup(chromium);
    removeFolderAtExit(root);
  });
  try {
    mkdirSync(join(userDataDir, "Default"), { recursive: true });
    if (tmpDir === ownTmp) mkdirSync(tmpDir);
    writeFileSync(join(userDataDir, "Default", "Preferences"), JSON.stringify(PREFERENCES));
    writeFileSync(gaiaConfig, JSON.stringify(GAIA_CONFIG));
  } catch (err) {
    cancel();
    removeNow();
    throw err;
  }
  return {
    userDataDir,
    tmpDir,
    args: [`--gaia-config=${gaiaConfig}`],
    own(browser) {
      chromium = browser.process() ?? undefined;
      // The exit hook stays until the folder is gone: a command that exits while the removal runs
      // (Ctrl-C right after the browser closed) still removes it.
      const removeLater = () => {
        void rm(root, { recursive: true, force: true, maxRetries: 3 }).then(cancel, () => undefined);
      };
      browser.once("disconnected", () => {
        if (!chromium || chromium.exitCode !== null || chromium.signalCode !== null) removeLater();
        else chromium.once("exit", removeLater);
      });
    },
    remove() {
      cancel();
      removeNow();
    },
  };
}

function killGroup(chromium: ChildProcess): void {
  try {
    if (chromium.pid !== undefined) process.kill(-chromium.pid, "SIGKILL");
  } catch {
    chromium.kill("SIGKILL");
  }
}
