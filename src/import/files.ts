// The import reads its sources, and the pictures a Markdown file names, by the rules every file an
// input names follows (src/files.ts).
export { confinedPath, FileProblem, readRegularFile } from "../files";
