import { loadIssue } from "../load";
import { readManifest, SiteError } from "./manifest";

// What `epaper` and `build --epaper` check before any stage runs: the base URL, and that the site
// folder is empty or this paper's e-paper.

/** The site's public URL as the feed and the sitemap prefix it: http(s), ending in "/". */
export function siteBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SiteError(`--base-url ${text}: not a URL; give the site's address, e.g. https://epaper.example.cn/`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SiteError(`--base-url ${text}: an http:// or https:// address is needed`);
  }
  if (url.search || url.hash) throw new SiteError(`--base-url ${text}: no query or fragment, only the site's folder`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Throws unless `siteDir` can take the e-paper of the issue at `target`. Writes nothing. */
export async function checkSite(target: string, siteDir: string): Promise<void> {
  const issue = await loadIssue(target);
  await readManifest(siteDir, issue.data.paper.name);
}
