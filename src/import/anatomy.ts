// The anatomy of a newspaper story in plain text: what a line is by its shape. Kickers (引题)
// are place or office names, datelines lead the first paragraph (东昌府讯, 本報訊, MILLBROOK —),
// credits close the story in brackets (or open it: By Jane Doe), photo credits end in 摄/攝 (圖：…,
// Photo: …/Staff), unsigned items end in an office name (梁水镇宣). Simplified, Traditional and
// English shapes are all known: a story's language needs no guessing. Every importer (Word,
// Markdown, page text) asks these questions; none of them changes the text it is given.

/** Characters that end a sentence; a block ending otherwise continues in the next (column breaks). */
const SENTENCE_END = /[。！？!?.”’"』」）)…]$/;
/** Punctuation that no headline, kicker or label line carries. */
const CLAUSE_MARKS = /[，。；！？、,;]|……/;
/** Space between the parts of a head line (ASCII, full-width, no-break). */
export const SPACES = /[ \t\u00a0\u3000]+/;
/** Latin text: more Latin letters than CJK characters. */
const isLatin = (t: string): boolean =>
  (t.match(/[A-Za-z]/g)?.length ?? 0) > (t.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0);

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

/** A line that could be printed as a head (kicker, headline, label): short, no clause punctuation. */
export function isHeadLike(text: string): boolean {
  const t = text.trim();
  if (isDatelineLed(t) || parseCredit(t) !== null) return false;
  // An English head: a dozen words or so, not a sentence (a comma is fine, a full stop is not).
  if (isLatin(t)) return t.length >= 2 && t.length <= 100 && t.split(/\s+/).length <= 16 && !/[.;:]$|\.\s/.test(t);
  return t.length >= 2 && t.length <= 50 && !CLAUSE_MARKS.test(t);
}

// Township, street office, community, school and office names end in these (Simplified and Traditional).
const PLACE_ENDINGS =
  /(街道|[镇鎮]|[乡鄉]|村|社[区區]|新村|小[区區]|小[学學]|中[学學]|[学學]校|幼[儿兒][园園]|[一二三四五六七八九十]中|大[学學]|[学學]院|[医醫]院|[卫衛]生院|中心|局|委|[办辦]|所|站|公司|集[团團]|支[队隊]|大[队隊]|(?<!^[我本全该該])[区區县縣市])$/;

/** A name such as 韩集镇, 新区街道华府社区, 聊城二中: a kicker when it stands before the headline. */
export function isPlaceName(text: string): boolean {
  const t = text.trim();
  return /^[\u3400-\u9fff]{3,16}$/.test(t) && PLACE_ENDINGS.test(t);
}

/** Column labels (栏目) such as 教育快讯. */
export function isLabel(text: string): boolean {
  return /^[\u3400-\u9fff]{0,8}(快[讯訊]|[简簡][讯訊]|短[讯訊]|速[递遞]|[动動]态|[动動]態|[专專][栏欄]|集[锦錦]|[扫掃][描]|之窗|[视視]点|[视視]點|聚焦)$/.test(
    text.trim(),
  );
}

/** "闫寺街道 支部领办合作社推进土地托管" → kicker 闫寺街道 and the headline after it. */
export function splitKicker(line: string): { kicker?: string; headline: string } {
  const text = line.trim();
  const parts: string[] = [];
  let rest = text;
  for (;;) {
    const m = /^(\S+)[ \t\u00a0\u3000]+(\S[\s\S]*)$/.exec(rest);
    if (!m?.[1] || !m[2] || !isPlaceName(m[1])) break;
    parts.push(m[1]);
    rest = m[2];
  }
  return parts.length ? { kicker: parts.join(" "), headline: rest } : { headline: text };
}

// 本报讯（记者 张三）, 【本報訊】, 本報記者 陳大文 報道：, 又讯, 东昌府讯 / 東昌府訊.
const ZH_DATELINE =
  "(?:【本[报報][讯訊]】|本[报報][讯訊](?:[（(][^（）()]{1,30}[）)])?|本[报報][记記]者(?:[ \\u3000]*[\\u3400-\\u9fff]{2,4}){1,3}[ \\u3000]*[报報]道|又[讯訊]|[\\u3400-\\u9fff]{1,6}[讯訊])";
const DATELINE = new RegExp(`^(${ZH_DATELINE})(?:[ \\t\\u00a0\\u3000]+|[：:]\\s*|(?<=[）)】]))`);
const DATELINE_ALONE = new RegExp(`^${ZH_DATELINE}[：:]?$`);
/** MILLBROOK —, WASHINGTON, D.C. –, MILLBROOK, Ohio (AP) --: the place in capitals, then a dash. */
const EN_DATELINE =
  /^([A-Z][A-Z.'’ -]*[A-Z.](?:,\s+[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?(?:\s+\([A-Za-z ]{1,20}\))?)\s*(?:—|–|--)\s+/;

function isDatelineLed(text: string): boolean {
  return DATELINE.test(text) || EN_DATELINE.test(text);
}

/** "东昌府讯 近日，…" → dateline 东昌府讯 and the paragraph after it ("MILLBROOK — The …" alike). */
export function splitDateline(paragraph: string): { dateline?: string; text: string } {
  const m = DATELINE.exec(paragraph) ?? EN_DATELINE.exec(paragraph);
  if (!m?.[1]) return { text: paragraph };
  const text = paragraph.slice(m[0].length).trimStart();
  return text ? { dateline: m[1].trim(), text } : { text: paragraph };
}

/** Whether a bold lead (Word run, Markdown **…**) has the shape of a dateline. */
export function isDateline(text: string): boolean {
  return DATELINE_ALONE.test(text.trim());
}

export type Credit = { kind: "byline"; text: string } | { kind: "photo"; text: string };

const BRACKETED = /^[（(]\s*([^（）()]{1,60}?)\s*[）)]$/;
const PHOTO_CREDIT = /[摄攝]$/;
/** 圖：陳大文, 图/新华社: a photo credit led by 图. */
const PICTURE_LED = /^[图圖]\s*[：:／/]\s*\S/;
/** By Jane Doe, By Jane Doe and John Roe. */
const EN_BYLINE = /^By\s+[A-Z][\p{L}.'’-]*(?:,?\s+(?:[A-Z][\p{L}.'’-]*|and|&|de|van|von|der|la|le|da|di))*$/u;
/** Photo: Jane Doe/Staff, Photo by Jane Doe, Photograph: AP. */
const EN_PHOTO = /^(?:Photo|Photos|Photograph|Picture)(?::\s*|\s+by\s+)\S/i;

/** A line that is a credit of its own: （融媒体 郭龙君）, (通讯员 李凤国 摄), 通讯员 张振祥 摄, 梁水镇宣,
 *  （記者 陳大文 攝）, 圖：陳大文, By Jane Doe, Photo: Jane Doe/Staff. */
export function parseCredit(line: string): Credit | null {
  const t = line.trim();
  const inner = BRACKETED.exec(t)?.[1];
  if (inner !== undefined) {
    if (/[，。；！？,;]/.test(inner)) return null;
    return { kind: PHOTO_CREDIT.test(inner) && /[ \u3000]|^.{2,12}$/.test(inner) ? "photo" : "byline", text: inner };
  }
  if (t.length <= 40 && PHOTO_CREDIT.test(t) && /[ \u3000]/.test(t) && !CLAUSE_MARKS.test(t))
    return { kind: "photo", text: t };
  if (t.length <= 40 && PICTURE_LED.test(t) && !CLAUSE_MARKS.test(t.slice(2))) return { kind: "photo", text: t };
  if (t.length <= 80 && EN_BYLINE.test(t)) return { kind: "byline", text: t };
  if (t.length <= 80 && EN_PHOTO.test(t) && !/[.;]\s/.test(t)) return { kind: "photo", text: t };
  if (isOfficeName(t)) return { kind: "byline", text: t };
  return null;
}

/** An English byline at the head of the text ("By Jane Doe"), not a credit closing it. */
export function isLeadingByline(line: string): boolean {
  return EN_BYLINE.test(line.trim()) && line.trim().length <= 80;
}

/** An unsigned item ends in the office that sent it: 梁水镇宣, 团区委宣, 侯营镇宣. */
export function isOfficeName(text: string): boolean {
  return /^[\u3400-\u9fff]{2,12}宣$/.test(text.trim());
}

/** "…奠定了坚实基础。（融媒体 郭龙君）" → the paragraph and the credit that closes it
 *  ("… at the fair. Photo: Jane Doe/Staff" alike). */
export function splitTrailingCredit(paragraph: string): { text: string; credit?: Credit } {
  const m =
    /^([\s\S]*[。！？”』」])\s*([（(][^（）()]{2,60}[）)])$/.exec(paragraph.trim()) ??
    /^([\s\S]*[.!?"”’])\s+((?:Photo|Photos|Photograph|Picture)(?::\s*|\s+by\s+)[^.!?]{1,60})$/i.exec(paragraph.trim());
  const credit = m?.[2] ? parseCredit(m[2]) : null;
  if (!m?.[1] || !credit) return { text: paragraph };
  return { text: m[1], credit };
}

/** A subhead (副题) is led by a dash: "——党建引领基层治理" → "党建引领基层治理" (however the dash
 *  was typed: ——, ――, ─, --, －－); the house style prints its own. */
export function subheadLead(text: string): string | undefined {
  const m = /^(?:[—―─]{1,2}|--|－－)[ \t\u00a0\u3000]*(\S[\s\S]*)$/.exec(text.trim());
  return m?.[1];
}

/** A subhead as the issue keeps it: without the dash the source may have typed before it. */
export function subheadText(text: string): string {
  return subheadLead(text) ?? text.trim();
}

export interface HeadLines {
  label?: string;
  kicker?: string;
  headline?: string;
  subhead?: string;
  /** What was decided by shape rather than marked in the source. */
  guessed: string[];
}

/**
 * Assigns the lines of a head block (top to bottom) to label, kicker, headline and subhead. Lines
 * beyond those roles are one head set on two lines, kept as the editor broke it ("\n"): those after
 * a dashed subhead continue it, any others continue the headline.
 */
export function assignHead(lines: string[]): HeadLines {
  const rest = lines.map((l) => l.trim()).filter(Boolean);
  const head: HeadLines = { guessed: [] };
  if (rest.length > 1 && isLabel(rest[0] ?? "")) {
    head.label = rest.shift();
    head.guessed.push(`label ${head.label} (a column name)`);
  }
  const dashed = rest.findIndex((l, i) => i > 0 && subheadLead(l) !== undefined);
  if (dashed > 0) {
    const taken = rest.splice(dashed, rest.length - dashed);
    taken[0] = subheadLead(taken[0] ?? "") ?? "";
    head.subhead = taken.join("\n");
    if (taken.length > 1) head.guessed.push(`subhead on ${taken.length} lines (the lines after the dashed one)`);
  }
  if (rest.length >= 2) {
    // A bare place name is the kicker wherever extraction put it (page text may list it after).
    const place = rest.findIndex((l) => isPlaceName(l));
    const k = place >= 0 && rest.length === 2 ? place : 0;
    head.kicker = rest.splice(k, 1)[0];
    head.guessed.push(`kicker ${head.kicker} (the short line ${k === 0 ? "above" : "below"} the headline)`);
    if (rest.length >= 2 && head.subhead === undefined) {
      head.subhead = rest.pop();
      head.guessed.push("subhead (the line below the headline)");
    }
    head.headline = rest.join("\n");
    if (rest.length > 1)
      head.guessed.push(`headline on ${rest.length} lines (more head lines than kicker, headline and subhead)`);
  } else if (rest.length === 1) {
    const split = splitKicker(rest[0] ?? "");
    head.headline = split.headline;
    if (split.kicker) {
      head.kicker = split.kicker;
      head.guessed.push(`kicker ${split.kicker} (a place name before the headline on its line)`);
    }
  }
  return head;
}
