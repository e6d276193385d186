// The benchmark's floor: headless Chromium loading a finished issue's HTML (the build's --html copy
// with its scripts removed: every page is a page-sized box, so it prints as it is) and printing it.
// What any HTML-to-PDF route on this machine costs at least. Plain Node: no TypeScript to load.
//   node scripts/bench/floor.mjs <plain.html> <out.pdf> <width-mm> <height-mm>
import { writeFileSync } from "node:fs";
import puppeteer from "puppeteer-core";

const [file, out, width, height] = process.argv.slice(2);
const args = ["--headless=new", "--disable-gpu", "--no-first-run", "--disable-background-networking"];
if (process.getuid?.() === 0) args.push("--no-sandbox");
const browser = await puppeteer.launch({
  executablePath: process.env.NEWSPRINT_CHROMIUM ?? "/usr/bin/chromium",
  args,
  headless: true,
  pipe: true,
});
try {
  const page = await browser.newPage();
  await page.goto(`file://${file}`, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  const pdf = await page.pdf({
    width: `${width}mm`,
    height: `${height}mm`,
    printBackground: true,
    preferCSSPageSize: true,
  });
  writeFileSync(out, pdf);
} finally {
  await browser.close();
}
