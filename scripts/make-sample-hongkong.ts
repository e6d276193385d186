// One-off: the Traditional Chinese sample issue (issues/hongkong) from two pages of the Simplified
// sample, converted with OpenCC (mainland to Hong Kong forms), as a Hong Kong-style district paper.
// Its output is committed; run again only to remake it: node --import tsx scripts/make-sample-hongkong.ts
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as OpenCC from "opencc-js";

const root = join(import.meta.dirname, "..");
const source = JSON.parse(readFileSync(join(root, "issues/dongchangfu/issue.json"), "utf8"));
const hk = OpenCC.Converter({ from: "cn", to: "hk" });
// Hong Kong papers quote with corner brackets.
const QUOTES: Record<string, string> = { "“": "「", "”": "」", "‘": "『", "’": "』" };
const toHk = (text: string) => hk(text).replace(/[“”‘’]/g, (q) => QUOTES[q] ?? q);

/** Every string of a value converted, ids and file names kept. */
// biome-ignore lint/suspicious/noExplicitAny: the issue JSON as read
function convert(value: unknown, key = ""): any {
  if (typeof value === "string") return ["id", "src", "article"].includes(key) ? value : toHk(value);
  if (Array.isArray(value)) return value.map((v) => convert(v));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, k)]));
  return value;
}

const [safety, culture] = [source.pages[4], source.pages[6]];
const pages = [
  { ...convert(safety), section: "社區", editor: "陳美玲", designer: "黃志強", proofreader: "李嘉欣" },
  { ...convert(culture), section: "文化", editor: "陳美玲", designer: "黃志強", proofreader: "何家豪" },
];
// The second page's family story: a feature with its head set vertically down the module's right.
// A district page carries a little less than the city paper's: one story fewer.
pages[1].articles = pages[1].articles.filter((a: { id: string }) => a.id !== "tangyi-wenhua-zhiyuan");
const family = pages[1].articles.find((a: { id: string }) => a.id === "liuyuan-jiafeng-jiajiao");
family.headOrientation = "vertical";
family.kicker = undefined;
family.subhead = undefined;
for (const page of pages)
  for (const a of page.articles)
    for (const img of a.images ?? [])
      copyFileSync(join(root, "issues/dongchangfu", img.src), join(root, "issues/hongkong", img.src));

const issue = {
  $schema: "../../schema/issue.schema.json",
  paper: { name: "東區街坊報", serial: "第十二卷", publisher: "東區街坊報社", slug: "hongkong" },
  issue: { date: "2023-01-20", number: 512 },
  lang: "zh-Hant",
  format: "tabloid",
  pages,
};
writeFileSync(join(root, "issues/hongkong/issue.json"), `${JSON.stringify(issue, null, 2)}\n`);
console.log("wrote issues/hongkong/issue.json");
