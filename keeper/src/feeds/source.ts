/**
 * Reads a match source: a local path, or an http(s) URL downloaded once into a cache directory
 * (default ~/.cache/futstar/matches, env FUTSTAR_CACHE_DIR). The sha256 of each download is
 * recorded beside it and re-verified on every later read; a cached copy whose hash no longer
 * matches is downloaded again.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";

export interface SourceText {
  readonly text: string;
  readonly sha256: string;
  /** "file", "download" (first fetch), "cache" (verified hit), "refetch" (cache failed its check). */
  readonly via: "file" | "download" | "cache" | "refetch";
  readonly cachePath: string | null;
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export function defaultCacheDir(): string {
  return process.env.FUTSTAR_CACHE_DIR ?? join(homedir(), ".cache", "futstar", "matches");
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export async function readSource(source: string, cacheDir: string = defaultCacheDir()): Promise<SourceText> {
  if (!isUrl(source)) {
    const buf = await readFile(source);
    return { text: buf.toString("utf8"), sha256: sha256Hex(buf), via: "file", cachePath: null };
  }
  const base = join(cacheDir, sha256Hex(source).slice(0, 32));
  const dataPath = `${base}.data`;
  const hashPath = `${base}.sha256`;
  const cached = await readCached(dataPath, hashPath);
  if (cached.state === "ok") return { text: cached.buf.toString("utf8"), sha256: cached.hash, via: "cache", cachePath: dataPath };
  const buf = await download(source);
  const hash = sha256Hex(buf);
  await mkdir(cacheDir, { recursive: true });
  // Write then rename so a crash never leaves a half file that passes for a cached copy.
  await writeFile(`${dataPath}.tmp`, buf);
  await rename(`${dataPath}.tmp`, dataPath);
  await writeFile(hashPath, `${hash}  ${source}\n`);
  return { text: buf.toString("utf8"), sha256: hash, via: cached.state === "mismatch" ? "refetch" : "download", cachePath: dataPath };
}

type Cached = { state: "ok"; buf: Buffer; hash: string } | { state: "absent" } | { state: "mismatch" };

async function readCached(dataPath: string, hashPath: string): Promise<Cached> {
  let buf: Buffer;
  let recorded: string;
  try {
    buf = await readFile(dataPath);
    recorded = (await readFile(hashPath, "utf8")).split(/\s+/)[0] ?? "";
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { state: "absent" };
    throw err;
  }
  const hash = sha256Hex(buf);
  if (hash === recorded) return { state: "ok", buf, hash };
  await rm(dataPath, { force: true });
  return { state: "mismatch" };
}

async function download(url: string): Promise<Buffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status} ${res.statusText}`);
  return Buffer.from(await res.arrayBuffer());
}
