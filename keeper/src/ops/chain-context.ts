/**
 * The chain side a keeper command builds from its config: the RPC pool (failover across
 * `rpcUrls`), the oracle signer keys, the transaction sender (priority fee per `priorityFee`)
 * paying from `payer`, and the chain adapter over them. `run` and `abandon` share it.
 */
import type { Keypair } from "@solana/web3.js";

import type { ChainAdapter } from "../chain/chain-adapter.js";
import { pickFeeSource } from "../chain/priority-fee.js";
import { RpcPool } from "../chain/rpc-pool.js";
import { TxSender } from "../chain/tx-sender.js";
import type { KeeperConfig } from "./config.js";
import { loadKeypair } from "./keypair-file.js";
import type { Logger } from "./log.js";

/** What a chain adapter factory is given. */
export interface AdapterContext {
  readonly pool: RpcPool;
  readonly sender: TxSender;
  readonly payer: Keypair;
  readonly operator: Keypair | null;
  readonly config: KeeperConfig;
}

export interface ChainContext {
  readonly pool: RpcPool;
  readonly sender: TxSender;
  readonly signers: Keypair[];
  readonly adapter: ChainAdapter;
}

export interface ChainContextOptions {
  readonly log: Logger;
  readonly payer: Keypair;
  readonly operator: Keypair | null;
  readonly adapter: (ctx: AdapterContext) => ChainAdapter;
  /** Called on each RPC failover, after it is logged (e.g. to count it). */
  readonly onFailover?: () => void;
}

export function openChainContext(config: KeeperConfig, options: ChainContextOptions): ChainContext {
  const { log, payer, operator } = options;
  const pool = new RpcPool(config.rpcUrls, {
    timeoutMs: 5000,
    commitment: config.commitment,
    wsEndpoint: config.wsUrl ? () => config.wsUrl : undefined,
    onFailover: (from, to, err) => {
      options.onFailover?.();
      log.warn("rpc failover", { from, to, err });
    },
  });
  const signers = config.keypairs.oracleSigners.map((p, i) => loadKeypair(p, `keypairs.oracleSigners.${i}`));
  const fees = pickFeeSource(config.priorityFee, pool);
  const sender = new TxSender(pool, payer, fees, { onFeeError: (err) => log.warn("priority fee estimate failed; sending without", { source: fees.name, err }) });
  const adapter = options.adapter({ pool, sender, payer, operator, config });
  return { pool, sender, signers, adapter };
}
