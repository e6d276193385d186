import { readFileSync } from "node:fs";
import { appFile } from "./app-root";

// newsprint's version, from its package.json: the one number the CLI and PDF metadata print.
export const NEWSPRINT_VERSION: string = JSON.parse(readFileSync(appFile("package.json"), "utf8")).version;
