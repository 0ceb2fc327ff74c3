/** Process entry point: `tsx src/cli/main.ts <command> ...`. */
import { nodeIo } from "./io.js";
import { runCli } from "./run.js";

// A closed pipe (e.g. `| head`) ends the output, not the process with a stack trace.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

process.exitCode = await runCli(process.argv.slice(2), nodeIo());
