// Automatic modular page make-up: issue metrics in, module layout out (pure, no browser).

export { linesAfterCuts } from "./copyfit";
export { MakeupError } from "./errors";
export { DEFAULT_MAX_JUMPS, PageMemo } from "./make-up";
export { makeUp } from "./plan";
export { type Fix, type Overflow, suggestFixes } from "./suggest";
export type * from "./types";
