/** The keeper's Prometheus metrics (prom-client), on their own registry. */
import { Counter, Gauge, Histogram, Registry } from "prom-client";

export class KeeperMetrics {
  readonly registry = new Registry();
  readonly updatesPushed = new Counter({ name: "futstar_keeper_updates_pushed_total", help: "Oracle updates confirmed on chain", labelNames: ["match"], registers: [this.registry] });
  readonly pushLag = new Histogram({
    name: "futstar_keeper_push_lag_seconds",
    help: "Engine tick computed -> transaction confirmed",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [this.registry],
  });
  readonly pushFailures = new Counter({ name: "futstar_keeper_push_failures_total", help: "Oracle push attempts that failed, by reason", labelNames: ["reason"], registers: [this.registry] });
  readonly fills = new Counter({ name: "futstar_keeper_fills_total", help: "Requests filled by this keeper", labelNames: ["kind"], registers: [this.registry] });
  readonly settlements = new Counter({ name: "futstar_keeper_settlements_total", help: "Positions and pools settled by this keeper", labelNames: ["kind"], registers: [this.registry] });
  readonly crankSkipped = new Counter({ name: "futstar_keeper_crank_skipped_total", help: "Crank work already done by someone else", labelNames: ["kind"], registers: [this.registry] });
  readonly crankFailures = new Counter({ name: "futstar_keeper_crank_failures_total", help: "Crank attempts that failed", labelNames: ["kind"], registers: [this.registry] });
  readonly rpcFailovers = new Counter({ name: "futstar_keeper_rpc_failovers_total", help: "Switches to another RPC URL", registers: [this.registry] });
  readonly lastPushUnix = new Gauge({ name: "futstar_keeper_last_push_timestamp_seconds", help: "Wall time of the last confirmed oracle update", registers: [this.registry] });
  readonly liveMatches = new Gauge({ name: "futstar_keeper_live_matches", help: "Matches being pushed", registers: [this.registry] });

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
