// The e-paper stage (数字报): an issue as built → a static site of its pages, zones and stories.

export { checkSite, siteBaseUrl } from "./checks";
export { SiteError } from "./manifest";
export { type EpaperInput, type EpaperOptions, type EpaperResult, makeEpaper } from "./site";
