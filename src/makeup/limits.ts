// How far the make-up searches, in one place: the bounds that keep it fast. (What the editor's
// rules allow is in rules/, what the search pays in costs.ts.)

/** The largest grid the make-up takes. */
export const MAX_GRID_COLUMNS = 32;
export const MAX_GRID_ROWS = 4000;

/** Attempts per page: each drops one more paragraph, forbids one more jump or adds a filler. */
export const MAX_PAGE_ATTEMPTS = 40;

/** More items than this on one page make the search slow and the page unreadable. */
export const MAX_PAGE_ITEMS = 13;

/** Natural heights kept per item and span: each is one way to stack more below. */
export const MAX_VARIANTS = 6;

/** The story pool: page make-ups tried per search of a page at most, stories squeezed onto a
 *  full page at most (each taking at most SQUEEZE_SHARE of it), plans tried after the first to
 *  place what it left out. */
export const MAX_POOL_TRIALS = 8;
export const MAX_SQUEEZE = 2;
export const SQUEEZE_SHARE = 0.25;
export const MAX_POOL_REPAIRS = 4;

/** How many times larger than a page's most important story (below priority 1) a story one
 *  priority step lower must be to lead the page instead (rules/lead.ts). */
export const LEAD_WEIGHT = 2;

/** What would make an issue fit: whole make-ups tried at most (the budget that makes the advice
 *  the same on every machine; the caller's clock is only a safety net), edits combined at most, the best smaller combinations extended by one more edit
 *  when there are too many to try them all, and combinations reported. */
export const MAX_FIX_TRIES = 60;
export const MAX_FIX_EDITS = 3;
export const FIX_BEAM = 5;
export const MAX_ADVICE = 3;

/** Page make-ups remembered between rebuilds (the preview's). */
export const PAGE_MEMO_SIZE = 500;
