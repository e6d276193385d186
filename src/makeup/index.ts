// Automatic modular page make-up: issue metrics in, module layout out (pure: no I/O, no browser).
//
// The folders are the make-up's concerns, each working on the one below it:
//   issue/   the issue in page order: the story pool planned onto the pages, jumps to later
//            pages, cuts, fillers, and what would make an issue that does not fit fit;
//   page/    one page: ads and pins first, then its items packed into the free regions (or the
//            editor's explicit layout filled);
//   module/  one item in one module: heights, text columns, cuts for a jump;
//   photos/  photo shapes: rows from the aspect ratio, cropping, stacked or side by side.
// Beside them, each editorial rule has one file in rules/ with its limit (the lead, page fill,
// jump stubs, most jumps, photo crop, column breaks, tombstones), costs.ts holds what the search
// pays for each trade-off and limits.ts how far it searches: every tunable number in one place,
// and a new rule is a new file in rules/.

export { MakeupError, type Obstacle, type PinClash } from "./errors";
export { linesAfterCuts } from "./issue/copyfit";
export { makeUp } from "./issue/make-up";
export { PageMemo } from "./issue/page-memo";
export { type Advice, type AdviceOptions, adviseFixes, type Fix, type Overflow } from "./issue/suggest";
export type * from "./types";
