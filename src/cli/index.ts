import { Command } from "commander";
import { DEFAULTS } from "../config/defaults";
import { NEWSPRINT_VERSION } from "../version";
import { registerApprove } from "./commands/approve";
import { registerBuild } from "./commands/build";
import { registerCheckType } from "./commands/check-type";
import { registerEpaper } from "./commands/epaper";
import { registerImport } from "./commands/import";
import { registerInit } from "./commands/init";
import { registerPlan } from "./commands/plan";
import { registerPreflight } from "./commands/preflight";
import { registerPreview } from "./commands/preview";
import { registerQueue } from "./commands/queue";
import { registerSend } from "./commands/send";
import { registerStatus } from "./commands/status";
import { registerValidate } from "./commands/validate";
import { registerWorker } from "./commands/worker";
import { EXIT, EXIT_HELP } from "./exit-codes";
import { reportError } from "./report-error";

// newsprint's command line: one file per command in ./commands.
const program = new Command()
  .name("newsprint")
  .description("Newspaper make-up and print-ready PDF from an issue written as JSON")
  .version(NEWSPRINT_VERSION)
  .showHelpAfterError()
  .exitOverride((err) => {
    // Usage errors exit 2, like invalid input; --help and --version exit 0.
    process.exit(err.exitCode === 0 ? EXIT.ok : EXIT.invalid);
  })
  .addHelpText(
    "after",
    `
Examples:
  newsprint init issues/today --paper 东昌府新闻   start an issue folder with a placeholder lead story
  newsprint import story.docx -o issues/today --append   add a reporter's Word file to the story pool
  newsprint build issues/dongchangfu        make up the sample issue into output/dongchangfu.pdf
  newsprint plan issues/dongchangfu         the flatplan (pages, stories, fill, jumps) without the PDF
  newsprint validate issues/dongchangfu     check the issue file only
  newsprint preview issues/dongchangfu --open   live preview at http://${DEFAULTS.previewHost}:${DEFAULTS.previewPort}/
  newsprint epaper issues/dongchangfu -o site   the digital edition (数字报): a static site of the pages
  newsprint check-type output/dongchangfu.pdf
  newsprint build issues/dongchangfu --press && newsprint preflight output/dongchangfu/press/*.pdf
  newsprint send output/dongchangfu/press/*.pdf --folder /mnt/plant/in
  newsprint approve issues/dongchangfu --page 1,2 --by 王编辑 && newsprint send --issue issues/dongchangfu --folder /mnt/plant/in
  newsprint worker --redis redis://queue:6379   build queued editions (one per machine or more)
  newsprint queue add /mnt/editions/a /mnt/editions/b -o /mnt/editions/out && newsprint queue status
${EXIT_HELP}`,
  );

registerBuild(program);
registerPlan(program);
registerEpaper(program);
registerValidate(program);
registerInit(program);
registerImport(program);
registerCheckType(program);
registerPreflight(program);
registerPreview(program);
registerApprove(program);
registerStatus(program);
registerSend(program);
registerWorker(program);
registerQueue(program);

// An error a command did not catch itself (a bad environment variable read before its try) is
// still reported with its exit code, not as a stack trace.
await program.parseAsync(process.argv).catch((err: unknown) => {
  process.exitCode = reportError(err);
});
