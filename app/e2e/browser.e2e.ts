/**
 * Browser test: Debian's Chromium driven by playwright-core against the demo (`scripts/demo.sh`:
 * local chain with both programs, the keeper replaying a match and pushing oracle updates, a
 * pool with liquidity, a funded demo trader, the production app build under `next start`).
 * Prints one line per check, the measured first-load JS and time to interactive of the match
 * page, and a closing "N passed, N failed" line; exits non-zero on any failure. Screenshots of
 * every main screen, with the chain's data, go to <repo>/artifacts/screenshots/.
 *
 * Checks: region blocking, age gate, Wallet Standard test wallet connect and reject, load
 * metrics, then the chain flow with the demo trader's key in the test wallet: the chart moves
 * with keeper updates, an order is requested and filled by the keeper after the in-play delay,
 * a rejected signature shows its message, the position is closed, balances change.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { Keypair } from "@solana/web3.js";
import { chromium, type Page } from "playwright-core";

import { type DemoProcess, type DemoReady, startDemo, testPorts } from "../../tests/demo/demo-process";

import { firstLoadJs, LONG_TASK_RECORDER, measurePage } from "./metrics";
import { installTestWallet, TEST_WALLET_NAME } from "./test-wallet";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = join(appDir, "..");
const shots = join(repoRoot, "artifacts", "screenshots");
const CHROMIUM = process.env.FUTSTAR_CHROMIUM ?? "/usr/bin/chromium";
const BLOCKED = "US";

const results: { name: string; ok: boolean; detail: string }[] = [];
async function check(name: string, body: () => Promise<string | void>): Promise<void> {
  const t0 = Date.now();
  try {
    const detail = (await body()) ?? "";
    results.push({ name, ok: true, detail });
    console.log(`✓ ${name} (${Date.now() - t0} ms)${detail === "" ? "" : ` — ${detail}`}`);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    results.push({ name, ok: false, detail });
    console.log(`✗ ${name} (${Date.now() - t0} ms) — ${detail}`);
  }
}

/** The demo's chain, keeper and app on the test ports (see tests/demo/demo-process.ts). */
async function startChainAndApp(): Promise<{ demo: DemoProcess; ready: DemoReady }> {
  const ports = testPorts();
  const dataDir = process.env.FUTSTAR_DATA_DIR ?? join(repoRoot, "..", "shared", "data");
  const final = join(dataDir, "wyscout", "2058017.json");
  if (!existsSync(final)) console.log(`REAL DATA MISSING: ${final}; the demo replays its default match`);
  console.log(`starting the demo (scripts/demo.sh; log under target/demo-test/logs) on app port ${ports.app}, RPC ${ports.rpc}…`);
  const demo = startDemo(
    [
      "--no-install",
      "--dir", join(repoRoot, "target/demo-test"),
      "--port", String(ports.app), "--rpc-port", String(ports.rpc), "--ws-port", String(ports.ws), "--keeper-port", String(ports.keeper),
      "--slot-time-ms", "100",
      "--speed", "3",
      ...(existsSync(final) ? ["--match", final] : []),
    ],
    { FUTSTAR_BLOCKED_COUNTRIES: BLOCKED },
  );
  const ready = await demo.ready;
  return { demo, ready };
}

function readKeypair(path: string): Keypair {
  return Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(path, "utf8")) as number[]));
}

/** Waits until `read()` returns something other than `before`; returns it. */
async function changed(read: () => Promise<string>, before: string, timeoutMs: number, what: string): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await read();
    if (now !== before) return now;
    if (Date.now() > deadline) throw new Error(`${what} still '${before}' after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
  // Only this machine: any other host (e.g. the wallet UI stylesheet's web font) fails without a DNS lookup.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"];

/** A fresh Chromium profile (its own --user-data-dir) per check, so storage never leaks between checks. */
async function newPage(base: string, confirmAge: boolean): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "futstar-chromium-")), {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    baseURL: base,
  });
  if (confirmAge) await context.addInitScript({ content: `try { localStorage.setItem("futstar.ageConfirmed.v1", "yes"); } catch {}` });
  await context.addInitScript({ content: LONG_TASK_RECORDER });
  const page = context.pages()[0] ?? (await context.newPage());
  return { page, close: () => context.close() };
}

async function connectWallet(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Select Wallet/i }).click();
  await page.getByRole("button", { name: new RegExp(TEST_WALLET_NAME) }).click();
}

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: run app/scripts/ensure-chromium.sh`);
  mkdirSync(shots, { recursive: true });
  const { demo, ready } = await startChainAndApp();
  const base = new URL(ready.appUrl).origin.replace("localhost", "127.0.0.1");
  try {
    await check("region blocking: a blocked country gets HTTP 451 and the notice, others the app", async () => {
      const blocked = await fetch(`${base}/`, { headers: { "cf-ipcountry": BLOCKED } });
      const body = await blocked.text();
      if (blocked.status !== 451 || !body.includes("Not available in your region")) throw new Error(`blocked request got ${blocked.status}`);
      const vercel = await fetch(`${base}/portfolio`, { headers: { "x-vercel-ip-country": BLOCKED.toLowerCase() } });
      if (vercel.status !== 451) throw new Error(`x-vercel-ip-country: got ${vercel.status}`);
      const allowed = await fetch(`${base}/`, { headers: { "cf-ipcountry": "FR" } });
      if (allowed.status !== 200) throw new Error(`allowed request got ${allowed.status}`);
      return `${BLOCKED} → 451, FR → 200`;
    });

    await check("age gate shows first and disappears once confirmed (remembered)", async () => {
      const { page, close } = await newPage(base, false);
      await page.goto("/");
      await page.getByRole("dialog").waitFor();
      await page.screenshot({ path: join(shots, "age-gate.png") });
      await page.getByTestId("age-confirm").click();
      await page.getByRole("dialog").waitFor({ state: "detached" });
      await page.reload();
      await page.getByRole("heading", { name: "Matches" }).waitFor();
      if ((await page.getByRole("dialog").count()) !== 0) throw new Error("gate shown again after confirming");
      await close();
    });

    await check("Wallet Standard test wallet is discovered and connects", async () => {
      const { page, close } = await newPage(base, true);
      const wallet = await installTestWallet(page);
      await page.goto("/");
      await connectWallet(page);
      const short = wallet.keypair.publicKey.toBase58().slice(0, 4);
      await page.locator(".wallet-adapter-button", { hasText: short }).waitFor({ timeout: 10_000 });
      await page.screenshot({ path: join(shots, "wallet-connected.png") });
      await close();
      return `connected ${wallet.keypair.publicKey.toBase58()}`;
    });

    await check("a rejected wallet request shows the rejection message", async () => {
      const { page, close } = await newPage(base, true);
      const wallet = await installTestWallet(page);
      await page.goto("/");
      wallet.rejectNext();
      await connectWallet(page);
      const toast = page.getByTestId("toast-error");
      await toast.waitFor({ timeout: 10_000 });
      const text = await toast.innerText();
      if (!text.includes("Request rejected in your wallet")) throw new Error(`toast said: ${text}`);
      await page.screenshot({ path: join(shots, "wallet-rejected.png") });
      await close();
      return wallet.log.join(", ");
    });

    await check("match page: time to interactive and first-load JS", async () => {
      const { page, close } = await newPage(base, true);
      await page.goto(`/match/${ready.feed}`);
      const m = await measurePage(page);
      const js = firstLoadJs(appDir, m.scripts);
      await close();
      console.log(`  match page first-load JS: ${(js.gzipBytes / 1024).toFixed(1)} kB gzip (${(js.rawBytes / 1024).toFixed(1)} kB raw, ${js.files} files; ${(m.scriptTransferBytes / 1024).toFixed(1)} kB transferred)`);
      console.log(`  match page time to interactive: ${m.ttiMs} ms (FCP ${m.fcpMs} ms, DOMContentLoaded ${m.domContentLoadedMs} ms, hydrated ${m.hydratedMs} ms)`);
      return `TTI ${m.ttiMs} ms, first-load JS ${(js.gzipBytes / 1024).toFixed(1)} kB gzip`;
    });

    // The chain flow, in one browser profile: the demo trader's key in the injected wallet.
    const { page, close } = await newPage(base, true);
    const wallet = await installTestWallet(page, readKeypair(ready.traderKeypair));
    const balanceText = () => page.getByTestId("wallet-balance").innerText();
    let balanceAtStart = "";
    try {
      await check("matches screen lists the live match from the chain", async () => {
        await page.goto("/");
        await connectWallet(page);
        await page.locator(".wallet-adapter-button", { hasText: wallet.keypair.publicKey.toBase58().slice(0, 4) }).waitFor({ timeout: 10_000 });
        const card = page.getByTestId("match-card").first();
        await card.waitFor({ timeout: 20_000 });
        await page.waitForTimeout(1000);
        await page.screenshot({ path: join(shots, "matches.png"), fullPage: true });
        return (await card.innerText()).replace(/\s+/g, " ").slice(0, 120);
      });

      await check("match page: the chart moves as the keeper pushes updates", async () => {
        await page.goto(`/match/${ready.feed}`);
        const chart = page.getByTestId("momentum-chart");
        await chart.waitFor({ timeout: 20_000 });
        const points = async () => (await chart.getAttribute("data-points")) ?? "";
        const p0 = await points();
        const p1 = await changed(points, p0, 20_000, "chart data-points");
        const seq = page.getByTestId("index-value");
        await seq.waitFor();
        balanceAtStart = await changed(balanceText, "Wallet: —", 20_000, "wallet balance");
        await page.screenshot({ path: join(shots, "match.png"), fullPage: true });
        return `chart points ${p0} → ${p1}, index ${await seq.innerText()}, ${balanceAtStart}`;
      });

      await check("open: request signed, keeper fills after the in-play delay, balance drops", async () => {
        await page.locator("input[name=collateral]").fill("25");
        await page.locator("select[name=duration]").selectOption({ index: 0 });
        const submit = page.getByTestId("open-submit");
        await page.waitForFunction(() => !(document.querySelector("[data-testid=open-submit]") as HTMLButtonElement | null)?.disabled, undefined, { timeout: 60_000 });
        await submit.click();
        await page.getByTestId("pending-row").first().waitFor({ timeout: 20_000 });
        const countdown = await page.getByTestId("fill-countdown").first().innerText();
        await page.screenshot({ path: join(shots, "match-pending.png"), fullPage: true });
        const t0 = Date.now();
        await page.getByTestId("open-row").first().waitFor({ timeout: 45_000 });
        const filledAfterMs = Date.now() - t0;
        await page.getByTestId("pending-row").first().waitFor({ state: "detached", timeout: 10_000 });
        const afterOpen = await changed(balanceText, balanceAtStart, 15_000, "wallet balance after the open");
        await page.waitForTimeout(1500); // live PnL ticks with the next updates
        await page.screenshot({ path: join(shots, "match-open-position.png"), fullPage: true });
        return `countdown '${countdown}', filled ${filledAfterMs} ms after the pending row appeared; ${balanceAtStart} → ${afterOpen}; PnL ${await page.getByTestId("live-pnl").first().innerText()}`;
      });

      await check("a rejected signature on an order shows the rejection message", async () => {
        const before = wallet.log.length;
        wallet.rejectNext();
        await page.locator("input[name=collateral]").fill("5");
        await page.waitForFunction(() => !(document.querySelector("[data-testid=open-submit]") as HTMLButtonElement | null)?.disabled, undefined, { timeout: 60_000 });
        await page.getByTestId("open-submit").click();
        const toast = page.getByTestId("toast-error").last();
        await toast.waitFor({ timeout: 10_000 });
        const text = await toast.innerText();
        if (!text.includes("Request rejected in your wallet")) throw new Error(`toast said: ${text}`);
        if (!wallet.log.slice(before).includes("rejected signTransaction")) throw new Error(`wallet log: ${wallet.log.join(", ")}`);
        await page.screenshot({ path: join(shots, "order-rejected.png"), fullPage: true });
        if ((await page.getByTestId("pending-row").count()) !== 0) throw new Error("a pending request appeared after the rejected signature");
        return text.replace(/\s+/g, " ");
      });

      await check("close: request signed, keeper fills it, history row, balance changes", async () => {
        const before = await balanceText();
        await page.getByTestId("close-position").first().click();
        await page.getByTestId("history-row").first().waitFor({ timeout: 45_000 });
        const after = await changed(balanceText, before, 15_000, "wallet balance after the close");
        await page.waitForTimeout(1000);
        await page.screenshot({ path: join(shots, "match-closed.png"), fullPage: true });
        return `${before} → ${after}; history: ${(await page.getByTestId("history-row").first().innerText()).replace(/\s+/g, " ")}`;
      });

      await check("main screens render with chain data (screenshots)", async () => {
        for (const [path, name, testId] of [["/portfolio", "portfolio", "portfolio-row"], ["/liquidity", "liquidity", "pool-liquidity"], ["/responsible-play", "responsible-play", null]] as const) {
          await page.goto(path);
          await page.waitForFunction(() => (window as unknown as { __futstarHydratedAt?: number }).__futstarHydratedAt !== undefined);
          await page.locator("main h1").first().waitFor();
          if (testId !== null) await page.getByTestId(testId).first().waitFor({ timeout: 20_000 });
          await page.waitForTimeout(1500);
          await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
        }
      });
    } finally {
      await close();
    }
  } finally {
    const exit = await demo.interrupt();
    if (exit.code !== 0) console.log(`demo stopped with ${JSON.stringify(exit)}`);
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`screenshots: ${shots}`);
  console.log(`browser: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`browser test could not run: ${error instanceof Error ? error.message : String(error)}`);
    console.log("browser: 0 passed, 1 failed");
    process.exit(1);
  },
);
