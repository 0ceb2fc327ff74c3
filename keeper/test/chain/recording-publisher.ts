/** A pusher for keeper-loop tests: records what each round would publish, lands everything unless told to refuse. */
import type { PushItem, PushResult } from "../../src/chain/oracle-pusher.js";

export class RecordingPublisher {
  readonly rounds: PushItem[][] = [];
  refuse: (item: PushItem) => boolean = () => false;
  async pushRound(items: readonly PushItem[]): Promise<PushResult[]> {
    this.rounds.push([...items]);
    return items.map((i, n) =>
      this.refuse(i)
        ? { matchKey: i.matchKey, seq: BigInt(n), status: "unconfirmed", reason: "rpc down" }
        : { matchKey: i.matchKey, seq: BigInt(n), status: "landed", signature: "sig" },
    );
  }
}
