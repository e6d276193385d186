import type { Refusal } from "../edit-vocabulary";
import { en } from "./en";
import type { Language } from "./language";
import type { Words } from "./words";
import { zhHans } from "./zh-hans";
import { zhHant } from "./zh-hant";

// The preview's words by language; the server renders the editor's page with them, the browser
// code its own messages. See words.ts for what a catalogue holds.

export { LANGUAGES, type Language, languageOfHeader, languageOfList, languageOfTag } from "./language";
export type { Words } from "./words";

export const CATALOGUES: Record<Language, Words> = { en, "zh-Hans": zhHans, "zh-Hant": zhHant };

export const wordsOf = (language: Language): Words => CATALOGUES[language];

/** Why an edit was not made, in `words`' language. */
export function refusalText(words: Words, refusal: Refusal): string {
  // The catalogue's entry for this code takes exactly this refusal (see Words["refusal"]).
  const say = words.refusal[refusal.code] as (r: Refusal) => string;
  return say(refusal);
}

/** The English text of a refusal: the server's `message`, its log. */
export const refusalInEnglish = (refusal: Refusal): string => refusalText(en, refusal);
