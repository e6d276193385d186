import { languageOfList, wordsOf } from "../words";

// The words the browser code shows itself, in the language the browser prefers (the same choice
// the server made from the Accept-Language it sends for the editor's page).

export const words = wordsOf(languageOfList(navigator.languages?.length ? navigator.languages : [navigator.language]));
