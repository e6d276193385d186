import { copyFile, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { DEFAULTS } from "../config/defaults";
import { InputError } from "../errors";
import { type ArticleData, type IssueInput, PRESET_NAMES, type PresetName, parseIssue } from "../load";

// A new issue folder: issue.json with `$schema` (so an editor completes and checks fields), today's
// date, photos/ and a short README of the fields. `newsprint init` writes it with a placeholder lead
// story; `newsprint import` starts from the same skeleton.

export interface NewIssueOptions {
  paper?: string;
  format?: string;
  /** YYYY-MM-DD; today (local time) by default. */
  date?: string;
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
    throw new InputError(`--format: expected ${PRESET_NAMES.join(" or ")}, found "${format}"`);
  return format as PresetName;
}

/** Inside the repository `$schema` points at its schema file; elsewhere a copy goes beside the issue. */
export function schemaReference(issueDir: string, o: NewIssueOptions): { ref: string; copy: boolean } {
  const rel = relative(resolve(o.appRoot), resolve(issueDir));
  const inside = !rel.startsWith("..") && !isAbsolute(rel);
  if (inside) return { ref: relative(resolve(issueDir), o.schemaFile).split(sep).join("/"), copy: false };
  return { ref: basename(o.schemaFile), copy: true };
}

export function newIssue(issueDir: string, o: NewIssueOptions): IssueInput & { $schema: string } {
  return {
    $schema: schemaReference(issueDir, o).ref,
    paper: { name: o.paper?.trim() || DEFAULTS.paperName },
    issue: { date: o.date ?? today() },
    format: checkFormat(o.format ?? DEFAULTS.format),
    pages: [{ section: "要闻", articles: [] }],
  };
}

const PLACEHOLDER_LEAD: Partial<ArticleData> = {
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
export async function initIssue(dir: string, o: NewIssueOptions): Promise<string[]> {
  const target = resolve(dir);
  if (!(await isFreeFolder(target)))
    throw new InputError(`${dir}: the folder exists and is not empty; init writes only into a new or empty folder`);
  const data = newIssue(target, o);
  data.pages = [{ section: "要闻", articles: [PLACEHOLDER_LEAD as ArticleData] }];
  const text = `${JSON.stringify(data, null, 2)}\n`;
  parseIssue(text, join(target, "issue.json"));
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
  return files.map((f) => join(dir, f));
}
