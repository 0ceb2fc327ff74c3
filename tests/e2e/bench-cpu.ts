/**
 * CPU time spent by the benchmark itself and by the localnet it spawned, so a run on a shared,
 * busy machine can still say where the time went (BENCH_TRACE=1).
 */
import { readFileSync, readdirSync } from "node:fs";

/** Clock ticks per second of /proc's utime/stime (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** The pid of this process's child running `comm` (as /proc/<pid>/stat names it, 15 chars max). */
export function childPid(comm: string): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited while we looked
    }
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (name === comm.slice(0, 15) && ppid === process.pid) return Number(entry);
  }
  throw new Error(`no child process named ${comm} of pid ${process.pid}`);
}

/** User + system CPU milliseconds process `pid` has used so far (all its threads). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14 and 15 of stat(5) (utime, stime) are 11 and 12 after the comm.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
}

/** CPU milliseconds of this process (all threads). */
export function selfCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
