// The anatomy of a Chinese newspaper story in plain text: what a line is by its shape. Kickers (引题)
// are place or office names, datelines lead the first paragraph (东昌府讯), credits close the story in
// brackets, photo credits end in 摄, unsigned items end in an office name (梁水镇宣). Every importer
// (Word, Markdown, page text) asks these questions; none of them changes the text it is given.

/** Characters that end a sentence; a block ending otherwise continues in the next (column breaks). */
const SENTENCE_END = /[。！？!?”’』」）)…]$/;
/** Punctuation that no headline, kicker or label line carries. */
const CLAUSE_MARKS = /[，。；！？、,;]|……/;
/** Space between the parts of a head line (ASCII, full-width, no-break). */
export const SPACES = /[ \t\u00a0\u3000]+/;

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

/** A line that could be printed as a head (kicker, headline, label): short, no clause punctuation. */
export function isHeadLike(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && t.length <= 50 && !CLAUSE_MARKS.test(t) && !isDatelineLed(t) && parseCredit(t) === null;
}

// Township, street office, community, school and office names end in these.
const PLACE_ENDINGS =
  /(街道|镇|乡|村|社区|新村|小区|小学|中学|学校|幼儿园|[一二三四五六七八九十]中|大学|学院|医院|卫生院|中心|局|委|办|所|站|公司|集团|支队|大队|(?<!^[我本全该])[区县市])$/;

/** A name such as 韩集镇, 新区街道华府社区, 聊城二中: a kicker when it stands before the headline. */
export function isPlaceName(text: string): boolean {
  const t = text.trim();
  return /^[\u3400-\u9fff]{3,16}$/.test(t) && PLACE_ENDINGS.test(t);
}

/** Column labels (栏目) such as 教育快讯. */
export function isLabel(text: string): boolean {
  return /^[\u3400-\u9fff]{0,8}(快讯|简讯|短讯|速递|动态|专栏|集锦|扫描|之窗|视点|聚焦)$/.test(text.trim());
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

const DATELINE = /^(本报讯(?:[（(][^（）()]{1,30}[）)])?|又讯|[\u3400-\u9fff]{1,6}讯)(?:[ \t\u00a0\u3000]+|(?<=[）)]))/;

function isDatelineLed(text: string): boolean {
  return DATELINE.test(text);
}

/** "东昌府讯 近日，…" → dateline 东昌府讯 and the paragraph after it. */
export function splitDateline(paragraph: string): { dateline?: string; text: string } {
  const m = DATELINE.exec(paragraph);
  if (!m?.[1]) return { text: paragraph };
  const text = paragraph.slice(m[0].length).trimStart();
  return text ? { dateline: m[1], text } : { text: paragraph };
}

/** Whether a bold lead (Word run, Markdown **…**) has the shape of a dateline. */
export function isDateline(text: string): boolean {
  return /^(本报讯(?:[（(][^（）()]{1,30}[）)])?|又讯|[\u3400-\u9fff]{1,6}讯)$/.test(text.trim());
}

export type Credit = { kind: "byline"; text: string } | { kind: "photo"; text: string };

const BRACKETED = /^[（(]\s*([^（）()]{1,60}?)\s*[）)]$/;
const PHOTO_CREDIT = /(^|[ \u3000])摄$/;

/** A line that is a credit of its own: （融媒体 郭龙君）, (通讯员 李凤国 摄), 通讯员 张振祥 摄, 梁水镇宣. */
export function parseCredit(line: string): Credit | null {
  const t = line.trim();
  const inner = BRACKETED.exec(t)?.[1];
  if (inner !== undefined) {
    if (/[，。；！？,;]/.test(inner)) return null;
    return { kind: PHOTO_CREDIT.test(inner) ? "photo" : "byline", text: inner };
  }
  if (t.length <= 40 && PHOTO_CREDIT.test(t) && /[ \u3000]/.test(t) && !CLAUSE_MARKS.test(t))
    return { kind: "photo", text: t };
  if (isOfficeName(t)) return { kind: "byline", text: t };
  return null;
}

/** An unsigned item ends in the office that sent it: 梁水镇宣, 团区委宣, 侯营镇宣. */
export function isOfficeName(text: string): boolean {
  return /^[\u3400-\u9fff]{2,12}宣$/.test(text.trim());
}

/** "…奠定了坚实基础。（融媒体 郭龙君）" → the paragraph and the credit that closes it. */
export function splitTrailingCredit(paragraph: string): { text: string; credit?: Credit } {
  const m = /^([\s\S]*[。！？”』」])\s*([（(][^（）()]{2,60}[）)])$/.exec(paragraph.trim());
  const credit = m?.[2] ? parseCredit(m[2]) : null;
  if (!m?.[1] || !credit) return { text: paragraph };
  return { text: m[1], credit };
}

/** A subhead (副题) is led by a dash: "——党建引领基层治理" → "党建引领基层治理". */
export function subheadLead(text: string): string | undefined {
  const m = /^(?:——|--|—|－－)\s*(\S[\s\S]*)$/.exec(text.trim());
  return m?.[1];
}

export interface HeadLines {
  label?: string;
  kicker?: string;
  headline?: string;
  subhead?: string;
  /** What was decided by shape rather than marked in the source. */
  guessed: string[];
}

/** Assigns the lines of a head block (top to bottom) to label, kicker, headline and subhead. */
export function assignHead(lines: string[]): HeadLines {
  const rest = lines.map((l) => l.trim()).filter(Boolean);
  const head: HeadLines = { guessed: [] };
  if (rest.length > 1 && isLabel(rest[0] ?? "")) {
    head.label = rest.shift();
    head.guessed.push(`label ${head.label} (a column name)`);
  }
  const dashed = rest.findIndex((l, i) => i > 0 && subheadLead(l) !== undefined);
  if (dashed > 0) head.subhead = subheadLead(rest.splice(dashed, 1)[0] ?? "");
  if (rest.length >= 2) {
    // A bare place name is the kicker wherever extraction put it (page text may list it after).
    const place = rest.findIndex((l) => isPlaceName(l));
    const k = place >= 0 && rest.length === 2 ? place : 0;
    head.kicker = rest.splice(k, 1)[0];
    head.guessed.push(`kicker ${head.kicker} (the short line ${k === 0 ? "above" : "below"} the headline)`);
    head.headline = rest.shift();
    if (rest.length && head.subhead === undefined) {
      head.subhead = rest.shift();
      head.guessed.push("subhead (the line below the headline)");
    }
    if (rest.length) head.headline = [head.headline, ...rest].join(" ");
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
