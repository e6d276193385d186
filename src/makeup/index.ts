// Automatic modular page make-up: issue metrics in, module layout out (pure, no browser).
export { MakeupError } from "./errors";
export { makeUp } from "./make-up";
export type * from "./types";
