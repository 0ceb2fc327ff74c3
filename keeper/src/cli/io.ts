/** Everything the CLI touches outside itself, so commands can run in-process in tests. */
import { writeFile } from "node:fs/promises";

export interface CliStream {
  write(text: string): void;
  readonly isTTY: boolean;
  /** Terminal width when a TTY. */
  readonly columns?: number | undefined;
}

export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  sleep(ms: number): Promise<void>;
  writeFile(path: string, text: string): Promise<void>;
  /** Directory that relative paths given by the user are relative to. */
  readonly cwd: string;
}

export function nodeIo(): CliIo {
  const stream = (s: NodeJS.WriteStream): CliStream => ({
    write: (text) => void s.write(text),
    get isTTY() {
      return s.isTTY === true;
    },
    get columns() {
      return s.columns;
    },
  });
  return {
    stdout: stream(process.stdout),
    stderr: stream(process.stderr),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    writeFile: (path, text) => writeFile(path, text, "utf8"),
    // `npm run keeper` runs in keeper/; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
  };
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
