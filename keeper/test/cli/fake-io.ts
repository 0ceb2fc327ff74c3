/** A CliIo that records what the CLI writes; files still go to the real file system. */
import { writeFile } from "node:fs/promises";
import type { CliIo } from "../../src/cli/io.js";

export interface RecordingIo extends CliIo {
  readonly out: string[];
  readonly err: string[];
  readonly sleeps: number[];
}

export function recordingIo(cwd: string, tty = false): RecordingIo {
  const out: string[] = [];
  const err: string[] = [];
  const sleeps: number[] = [];
  return {
    out,
    err,
    sleeps,
    stdout: { write: (s) => void out.push(s), isTTY: tty },
    stderr: { write: (s) => void err.push(s), isTTY: false },
    sleep: async (ms) => void sleeps.push(ms),
    writeFile: (path, text) => writeFile(path, text, "utf8"),
    cwd,
  };
}
