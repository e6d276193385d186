// Which of the preview's languages a browser asks for: from its Accept-Language header (server)
// or navigator.languages (browser code). Imports nothing, so both sides bundle it.

export const LANGUAGES = ["en", "zh-Hans", "zh-Hant"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Chinese regions that write Traditional characters when a tag names no script. */
const TRADITIONAL_REGIONS = new Set(["tw", "hk", "mo"]);

/** The preview's language for one BCP 47 tag, or undefined when it has none for it. */
export function languageOfTag(tag: string): Language | undefined {
  const [primary, ...subtags] = tag.trim().toLowerCase().replace(/_/g, "-").split("-");
  if (primary === "en") return "en";
  if (primary !== "zh") return undefined;
  // A script subtag decides (zh-Hant-CN is Traditional); else the region does.
  if (subtags.includes("hant")) return "zh-Hant";
  if (subtags.includes("hans")) return "zh-Hans";
  return subtags.some((s) => TRADITIONAL_REGIONS.has(s)) ? "zh-Hant" : "zh-Hans";
}

/** The first language of `tags` (most wanted first) that the preview speaks; English otherwise. */
export function languageOfList(tags: readonly string[]): Language {
  for (const tag of tags) {
    const language = languageOfTag(tag);
    if (language) return language;
  }
  return "en";
}

/** An Accept-Language header's tags, most wanted first: by q-value, then in the order given;
 *  q=0 ("not this one") and malformed entries dropped, "*" kept as a tag no language matches. */
export function acceptedTags(header: string | undefined): string[] {
  const entries = (header ?? "").split(",").flatMap((part, order) => {
    const [tag = "", ...params] = part.split(";").map((s) => s.trim());
    if (!/^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$/.test(tag)) return [];
    const q = params.map((p) => /^q=([01](?:\.\d{0,3})?)$/i.exec(p)?.[1]).find((v) => v !== undefined);
    const quality = q === undefined ? 1 : Math.min(Number(q), 1);
    return quality > 0 ? [{ tag, quality, order }] : [];
  });
  return entries.sort((a, b) => b.quality - a.quality || a.order - b.order).map((e) => e.tag);
}

/** The preview's language for an Accept-Language header. */
export const languageOfHeader = (header: string | undefined): Language => languageOfList(acceptedTags(header));
