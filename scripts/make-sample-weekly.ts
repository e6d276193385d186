// One-off: the English sample issue (issues/weekly), public-domain and licence texts set as a local
// weekly: the Gettysburg Address, the opening of the Declaration of Independence, the SIL Open Font
// License of the bundled Latin faces and the Apache License 2.0 of a development tool, as they ship
// in node_modules. Its output is committed: node --import tsx scripts/make-sample-weekly.ts
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const modules = join(root, "node_modules");

/** Paragraphs of a plain-text licence: lines rejoined, rules and blank lines dropped. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter((p) => p !== "" && !/^-+$/.test(p));
}

const ofl = paragraphs(readFileSync(join(modules, "@fontsource/libre-caslon-text/LICENSE"), "utf8"));
/** `count` paragraphs from the one that contains `start`, its heading (PREAMBLE, TERMINATION…) left out. */
const oflFrom = (start: string, count: number) => {
  const i = ofl.findIndex((p) => p.includes(start));
  if (i < 0) throw new Error(`no "${start}" in the font licence`);
  return ofl.slice(i, i + count).map((p) => p.replace(/^[A-Z][A-Z &]+ (?=[A-Z][a-z"])/, ""));
};
const apache = paragraphs(readFileSync(join(modules, "typescript/LICENSE.txt"), "utf8"));
const section = (n: number) => apache.find((p) => p.startsWith(`${n}. `)) as string;

const gettysburg = [
  "Four score and seven years ago our fathers brought forth on this continent, a new nation, conceived in Liberty, and dedicated to the proposition that all men are created equal.",
  "Now we are engaged in a great civil war, testing whether that nation, or any nation so conceived and so dedicated, can long endure. We are met on a great battle-field of that war. We have come to dedicate a portion of that field, as a final resting place for those who here gave their lives that that nation might live. It is altogether fitting and proper that we should do this.",
  "But, in a larger sense, we can not dedicate—we can not consecrate—we can not hallow—this ground. The brave men, living and dead, who struggled here, have consecrated it, far above our poor power to add or detract. The world will little note, nor long remember what we say here, but it can never forget what they did here.",
  "It is for us the living, rather, to be dedicated here to the unfinished work which they who fought here have thus far so nobly advanced. It is rather for us to be here dedicated to the great task remaining before us—that from these honored dead we take increased devotion to that cause for which they gave the last full measure of devotion—that we here highly resolve that these dead shall not have died in vain—that this nation, under God, shall have a new birth of freedom—and that government of the people, by the people, for the people, shall not perish from the earth.",
];

const declaration = [
  "When in the Course of human events, it becomes necessary for one people to dissolve the political bands which have connected them with another, and to assume among the powers of the earth, the separate and equal station to which the Laws of Nature and of Nature’s God entitle them, a decent respect to the opinions of mankind requires that they should declare the causes which impel them to the separation.",
  "We hold these truths to be self-evident, that all men are created equal, that they are endowed by their Creator with certain unalienable Rights, that among these are Life, Liberty and the pursuit of Happiness.",
  "That to secure these rights, Governments are instituted among Men, deriving their just powers from the consent of the governed. That whenever any Form of Government becomes destructive of these ends, it is the Right of the People to alter or to abolish it, and to institute new Government, laying its foundation on such principles and organizing its powers in such form, as to them shall seem most likely to effect their Safety and Happiness.",
  "Prudence, indeed, will dictate that Governments long established should not be changed for light and transient causes; and accordingly all experience hath shewn, that mankind are more disposed to suffer, while evils are sufferable, than to right themselves by abolishing the forms to which they are accustomed.",
];

for (const photo of ["rocket.jpg", "hubble_deep_field.jpg", "coffee.png"])
  copyFileSync(join(root, "issues/dongchangfu/photos", photo), join(root, "issues/weekly/photos", photo));

const issue = {
  $schema: "../../schema/issue.schema.json",
  paper: { name: "The Riverside Weekly", serial: "Vol. XII", publisher: "Riverside Press Cooperative", slug: "weekly" },
  issue: { date: "2026-11-30", number: 418 },
  lang: "en",
  format: { name: "weekly", width: 275, height: 390, columns: 3, bodySize: 9, lineHeight: 1.4 },
  pages: [
    {
      section: "Front Page",
      editor: "Margaret Hale",
      designer: "Tom Barker",
      proofreader: "Ann Price",
      articles: [
        {
          id: "gettysburg",
          kicker: "From the archive",
          headline: "Four score and seven years ago",
          subhead: "The address delivered at the dedication of the cemetery at Gettysburg",
          dateline: "GETTYSBURG, Pa.",
          body: gettysburg,
          byline: "Abraham Lincoln, November 19, 1863",
          images: [
            {
              src: "photos/rocket.jpg",
              caption: "A launch on a clear morning: the weekly’s picture of the week.",
              credit: "Photo: archive",
            },
          ],
          priority: 1,
        },
        {
          id: "declaration",
          kicker: "Founding texts",
          headline: "When in the course of human events",
          body: declaration,
          byline: "In Congress, July 4, 1776",
          priority: 2,
        },
        {
          id: "open-font-license",
          label: "Type",
          headline: "The faces on this page may be bundled, embedded and shared",
          dateline: "SIL OPEN FONT LICENSE",
          body: [
            ...oflFrom("The goals", 2),
            { subhead: "Permission and conditions" },
            ...oflFrom("Permission is hereby", 6),
          ],
          priority: 3,
        },
      ],
    },
    {
      section: "Notices",
      editor: "Margaret Hale",
      designer: "Tom Barker",
      proofreader: "Ann Price",
      articles: [
        {
          id: "apache-license",
          kicker: "The small print",
          headline: "What a licence grants, in its own words",
          subhead: "Sections two to five of the Apache License, Version 2.0",
          body: [
            { subhead: "Grant of copyright" },
            section(2),
            { subhead: "Grant of patent" },
            section(3),
            { subhead: "Redistribution" },
            section(4),
            section(5),
          ],
          images: [
            {
              src: "photos/hubble_deep_field.jpg",
              caption: "The deep field: thousands of galaxies in one small patch of sky.",
              credit: "Photo: NASA",
            },
          ],
          priority: 1,
        },
        {
          id: "trademarks",
          headline: "Names and warranties",
          body: [section(6), section(9)],
          priority: 2,
        },
        {
          id: "font-license-terms",
          headline: "What the font licence means by its words",
          body: [...oflFrom("refers to the set of files", 5), ...oflFrom("becomes null and void", 1)],
          images: [
            {
              src: "photos/coffee.png",
              caption: "Coffee at the press: the last proofs of the week.",
              credit: "Photo: staff",
            },
          ],
          priority: 3,
        },
      ],
    },
  ],
};
writeFileSync(join(root, "issues/weekly/issue.json"), `${JSON.stringify(issue, null, 2)}\n`);
console.log("wrote issues/weekly/issue.json");
