import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { toAsciiSlug } from "../ascii-slug";
import { DEFAULTS } from "../config/defaults";
import { LANGS, type Lang } from "../config/style-schema";
import { type Diagnostic, printable, warning } from "../diagnostics";
import { InputError } from "../errors";
import {
  type ArticleData,
  IssueError,
  type IssueInput,
  isCalendarDate,
  LIMITS,
  PRESET_NAMES,
  type PresetName,
  parseIssue,
} from "../load";
import { FRONT_SECTION } from "./sections";

// A new issue folder: issue.json with `$schema` (so an editor completes and checks fields), today's
// date, photos/ and a short README of the fields. `newsprint init` writes it with a placeholder lead
// story; `newsprint import` starts from the same skeleton.

export interface NewIssueOptions {
  paper?: string;
  format?: string;
  /** YYYY-MM-DD; today (local time) by default. */
  date?: string;
  /** 总第N期, as given on the command line. */
  number?: string;
  lang?: string;
  /** paper.slug: ASCII name of the press files. */
  slug?: string;
  /** The repository's schema/issue.schema.json and the repository's folder. */
  schemaFile: string;
  appRoot: string;
}

export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function checkFormat(format: string): PresetName {
  if (!(PRESET_NAMES as readonly string[]).includes(format))
    throw new InputError(`--format: expected ${PRESET_NAMES.join(" or ")}, found "${printable(format)}"`);
  return format as PresetName;
}

export function checkLang(lang: string): Lang {
  if (!(LANGS as readonly string[]).includes(lang))
    throw new InputError(`--lang: expected ${LANGS.join(", ")}, found "${printable(lang)}"`);
  return lang as Lang;
}

/** The new issue's fields from the options, each checked and named in its message. */
export function checkNewIssueOptions(o: Omit<NewIssueOptions, "schemaFile" | "appRoot">): {
  date?: string;
  number?: number;
  lang?: Lang;
  slug?: string;
  format?: PresetName;
} {
  const out: ReturnType<typeof checkNewIssueOptions> = {};
  if (o.date !== undefined) {
    const { min, max } = LIMITS.years;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(o.date) || !isCalendarDate(o.date))
      throw new InputError(
        `--date: expected a day written YYYY-MM-DD from ${min}-01-01 to ${max}-12-31, found "${printable(o.date)}"`,
      );
    out.date = o.date;
  }
  if (o.number !== undefined) {
    const n = Number(o.number);
    if (!/^\d+$/.test(o.number.trim()) || !Number.isSafeInteger(n) || n < 1 || n > 999_999_999)
      throw new InputError(
        `--number: expected the issue's number, a whole number from 1, found "${printable(o.number)}"`,
      );
    out.number = n;
  }
  if (o.lang !== undefined) out.lang = checkLang(o.lang);
  if (o.slug !== undefined) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(o.slug))
      throw new InputError(
        `--slug: expected lower-case ASCII letters, digits and - (e.g. dongchangfu), found "${printable(o.slug)}"`,
      );
    out.slug = o.slug;
  }
  if (o.format !== undefined) out.format = checkFormat(o.format);
  return out;
}

/** The paper's name until the editor writes it, in the issue's language (its fonts must have it). */
const PAPER_NAME: Record<Lang, string> = { "zh-Hans": DEFAULTS.paperName, "zh-Hant": "報紙名稱", en: "Newspaper Name" };

/** Inside the repository `$schema` points at its schema file; elsewhere a copy goes beside the issue. */
export function schemaReference(issueDir: string, o: NewIssueOptions): { ref: string; copy: boolean } {
  const rel = relative(resolve(o.appRoot), resolve(issueDir));
  const inside = !rel.startsWith("..") && !isAbsolute(rel);
  if (inside) return { ref: relative(resolve(issueDir), o.schemaFile).split(sep).join("/"), copy: false };
  return { ref: basename(o.schemaFile), copy: true };
}

export function newIssue(issueDir: string, o: NewIssueOptions): IssueInput & { $schema: string } {
  const c = checkNewIssueOptions(o);
  const lang = c.lang ?? "zh-Hans";
  const slug = c.slug ?? paperSlugOf(o.paper);
  const issue: IssueInput & { $schema: string } = {
    $schema: schemaReference(issueDir, o).ref,
    paper: { name: o.paper?.trim() || PAPER_NAME[lang], ...(slug ? { slug } : {}) },
    issue: { date: c.date ?? today(), ...(c.number ? { number: c.number } : {}) },
    format: c.format ?? checkFormat(DEFAULTS.format),
    pages: [{ section: FRONT_SECTION[lang], articles: [] }],
  };
  if (c.lang) issue.lang = c.lang;
  return issue;
}

/** paper.slug from the paper's name as given (not the stand-in name): its ASCII form, if it has one. */
function paperSlugOf(paper: string | undefined): string | undefined {
  const slug = paper?.trim()
    ? toAsciiSlug(paper)
        ?.replace(/_/g, "-")
        .replace(/^-+|-+$/g, "")
    : undefined;
  return slug && /^[a-z0-9][a-z0-9-]*$/.test(slug) ? slug : undefined;
}

/** What a new issue's editor should know: press files named after the folder for want of a slug. */
export function newIssueWarnings(issueDir: string, issue: IssueInput): Diagnostic[] {
  if (issue.paper.slug) return [];
  const stem = toAsciiSlug(basename(resolve(issueDir))) ?? "issue";
  return [
    warning(
      `the paper's name "${printable(issue.paper.name)}" gives no ASCII file name, so press files will be named after the folder ("${stem}_${issue.issue.date.replace(/-/g, "")}_01.pdf")`,
      { path: "paper.slug", hint: "give --slug (e.g. --slug dongchangfu) or set paper.slug in issue.json" },
    ),
  ];
}

/** The placeholder lead story of `init`, in the issue's language. */
const PLACEHOLDER_LEAD: Record<Lang, Partial<ArticleData>> = {
  "zh-Hans": {
    id: "lead",
    kicker: "引题写在这里",
    headline: "头条标题 写在这里",
    subhead: "副题写在这里",
    dateline: "本报讯",
    body: [
      "这里是头条的正文。稿件的每一段写成正文数组里的一个字符串，导语前的电头写在电头一栏，文末的署名写在署名一栏，排版时自动加上括号。",
      { subhead: "小标题" },
      "正文中的小标题单独写成一项。照片放进照片文件夹，在图片一栏写上文件名、图片说明和摄影者，排版时按版面裁切。",
      "预览时保存文件，版面随即更新；确认无误后生成付印的文件。",
    ],
    byline: "记者 姓名",
    priority: 1,
  },
  "zh-Hant": {
    id: "lead",
    kicker: "引題寫在這裏",
    headline: "頭條標題 寫在這裏",
    subhead: "副題寫在這裏",
    dateline: "本報訊",
    body: [
      "這裏是頭條的正文。稿件的每一段寫成正文數組裏的一個字符串，導語前的電頭寫在電頭一欄，文末的署名寫在署名一欄，排版時自動加上括號。",
      { subhead: "小標題" },
      "正文中的小標題單獨寫成一項。照片放進照片文件夾，在圖片一欄寫上文件名、圖片說明和攝影者，排版時按版面裁切。",
      "預覽時保存文件，版面隨即更新；確認無誤後生成付印的文件。",
    ],
    byline: "記者 姓名",
    priority: 1,
  },
  en: {
    id: "lead",
    kicker: "The kicker goes here",
    headline: "The lead story's headline goes here",
    subhead: "A deck under the headline",
    dateline: "MILLBROOK",
    body: [
      "This is the lead story's text. Each paragraph is one string of the body list; the dateline has a field of its own, and so has the byline.",
      { subhead: "A subhead" },
      "A subhead inside the text is an item of its own. Photos go into the photos folder; each image names its file, caption and credit, and is cropped to its place on the page.",
      "Save the file while the preview is open and the pages follow; build the press files when they are right.",
    ],
    byline: "By Staff Reporter",
    priority: 1,
  },
};

const README = `# Issue folder

\`issue.json\` is the issue; \`photos/\` holds its pictures (paths in issue.json are relative to this
folder). \`$schema\` gives an editor completion and checking of every field.

- \`paper.name\` masthead name; \`paper.slug\` ASCII name for press files.
- \`issue.date\` YYYY-MM-DD; \`issue.number\` 总第N期.
- \`format\` \`tabloid\` (四开) or \`broadsheet\` (对开), or an object with width, height, columns ….
- \`pages[]\` one per page: \`section\`, \`editor\`, \`designer\`, \`proofreader\`, \`layout\` (\`"auto"\`),
  \`articles[]\`.
- An article: \`id\` (letters, digits, - and _; unique), \`label\` 栏目, \`kicker\` 引题, \`headline\` 主题
  (spaces mark where it may break), \`subhead\` 副题, \`dateline\` 电头 (东昌府讯), \`body\` (paragraphs as
  strings, \`{ "subhead": "…" }\` for 小标题), \`byline\` 署名 (printed in （…）), \`images[]\`
  (\`src\`, \`caption\`, \`credit\` e.g. 李凤国 摄, \`focus\` [x, y]), make-up hints \`priority\` (1 = lead),
  \`columns\`, \`minLines\`.

Commands:

    newsprint preview <this folder>      live pages in the browser
    newsprint import story.docx -o <this folder> --append      add a reporter's Word file
    newsprint build <this folder>        PDF into output/
`;

/** Whether a folder is absent or empty (a new issue may go there). */
export async function isFreeFolder(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return [] as string[];
    if (err.code === "ENOTDIR") return ["(a file)"];
    throw err;
  });
  return entries.length === 0;
}

/** `newsprint init`: the folder is made whole under a temporary name and renamed into place. */
export async function initIssue(dir: string, o: NewIssueOptions): Promise<{ files: string[]; warnings: Diagnostic[] }> {
  const target = resolve(dir);
  const shown = printable(dir);
  const info = await stat(target).catch(() => undefined);
  if (info && !info.isDirectory())
    throw new InputError(
      `${shown}: a file, not a folder; init writes a new issue folder (give a folder that does not exist yet, or an empty one)`,
    );
  if (!(await isFreeFolder(target)))
    throw new InputError(`${shown}: the folder exists and is not empty; init writes only into a new or empty folder`);
  const data = newIssue(target, o);
  data.pages = [{ ...data.pages[0], articles: [PLACEHOLDER_LEAD[(data.lang ?? "zh-Hans") as Lang] as ArticleData] }];
  const text = `${JSON.stringify(data, null, 2)}\n`;
  try {
    parseIssue(text, join(target, "issue.json"));
  } catch (err) {
    // Only the options can be at fault: say which, not the file that does not exist yet.
    if (err instanceof IssueError) throw new InputError(optionProblems(err).join("\n"));
    throw err;
  }
  const { copy } = schemaReference(target, o);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await mkdir(join(tmp, "photos"), { recursive: true });
    await writeFile(join(tmp, "issue.json"), text);
    await writeFile(join(tmp, "README.md"), README);
    if (copy) await copyFile(o.schemaFile, join(tmp, basename(o.schemaFile)));
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  const files = ["issue.json", "README.md", "photos/"];
  if (copy) files.push(basename(o.schemaFile));
  return { files: files.map((f) => join(dir, f)), warnings: newIssueWarnings(target, data) };
}

/** The option each field of a new issue comes from. */
export const OPTION_OF_FIELD: Record<string, string> = {
  "paper.name": "--paper",
  "paper.slug": "--slug",
  "issue.date": "--date",
  "issue.number": "--number",
  format: "--format",
  lang: "--lang",
};

/** A new issue's problems said of the options they come from. */
export function optionProblems(err: IssueError): string[] {
  return err.problems.map((p) => {
    const option = Object.entries(OPTION_OF_FIELD).find(
      ([field]) => p.path === field || p.path.startsWith(`${field}.`),
    )?.[1];
    return printable(`${option ?? (p.path || "the new issue")}: expected ${p.expected}, found ${p.found}`);
  });
}
