/**
 * Event id → (period, tMs) key of the id's held version: an open-addressing hash table over
 * typed arrays (linear probing, deletion by backward shift, so no tombstones pile up).
 *
 * Why not a `Map<string, number>`: every in-order event costs one lookup, one insert and, when it
 * is forgotten, one delete; with a `Map` the insert and delete were the largest single cost of a
 * replay. Hashing a string in JavaScript costs ~2 ns per character, so the table hashes only the
 * id's length and last TAIL characters (provider ids differ in their trailing digits), and the
 * caller keeps each id's hash with its event so forgetting it needs no second hash. Ids that
 * defeat that sample (a long probe run on insert) switch the table to hashing whole ids (`set`
 * then returns true and the caller re-hashes the ids it keeps), so the worst case stays a normal
 * hash table's; correctness never depends on the hash, since a probe always compares the ids.
 */

/** Characters sampled from the end of an id while the table is in its fast mode. */
const TAIL = 5;
/** A probe run this long on insert means the sampled hash is clustering: hash whole ids. */
const LONG_RUN = 24;
// Room for 128 ids at load 1/2; a live match holds ~100–200, so it rebuilds once at most.
const INITIAL_CAPACITY = 256;

export class IdIndex {
  private mask = INITIAL_CAPACITY - 1;
  private ids: (string | undefined)[] = new Array<string | undefined>(INITIAL_CAPACITY).fill(undefined);
  private hashes = new Int32Array(INITIAL_CAPACITY);
  private keys = new Float64Array(INITIAL_CAPACITY);
  /** Number of ids held. */
  size = 0;
  /** Whether ids are hashed whole (after the sampled hash clustered). */
  wholeIds = false;

  /** The hash `get`, `set` and `delete` expect for `id`; valid until a `set` returns true. */
  hashOf(id: string): number {
    const n = id.length;
    let h = Math.imul(n, 0x9e3779b1);
    for (let i = this.wholeIds || n <= TAIL ? 0 : n - TAIL; i < n; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    return h ^ (h >>> 15);
  }

  /** The key stored for `id` (whose hash is `hash`), or −1 when absent (keys are ≥ 0). */
  get(id: string, hash: number): number {
    const at = this.find(id, hash);
    return at < 0 ? -1 : (this.keys[at] as number);
  }

  /**
   * Stores `key` for `id` (whose hash is `hash`), replacing any key it had. Returns true when the
   * table switched to whole-id hashing: every hash from `hashOf` before this call is stale.
   */
  set(id: string, hash: number, key: number): boolean {
    const ids = this.ids;
    const hashes = this.hashes;
    const mask = this.mask;
    let at = hash & mask;
    let run = 0;
    for (;;) {
      const held = ids[at];
      if (held === undefined) break;
      if (hashes[at] === hash && held === id) {
        this.keys[at] = key;
        return false;
      }
      at = (at + 1) & mask;
      run++;
    }
    ids[at] = id;
    hashes[at] = hash;
    this.keys[at] = key;
    // Keep the load ≤ 1/2 so probe runs stay short.
    if (++this.size * 2 > mask + 1) {
      this.rebuild(mask + 1, false);
    } else if (run >= LONG_RUN && !this.wholeIds) {
      this.wholeIds = true;
      this.rebuild(mask + 1, true);
      return true;
    }
    return false;
  }

  /** Forgets `id` (whose hash is `hash`); a no-op when absent. */
  delete(id: string, hash: number): void {
    const at = this.find(id, hash);
    if (at < 0) return;
    const ids = this.ids;
    const hashes = this.hashes;
    const keys = this.keys;
    const mask = this.mask;
    // Backward shift: pull later entries of the run into the hole unless their home slot lies
    // cyclically in (hole, entry], so every entry stays reachable from its home slot.
    let hole = at;
    let next = (hole + 1) & mask;
    for (;;) {
      const moving = ids[next];
      if (moving === undefined) break;
      const home = (hashes[next] as number) & mask;
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        ids[hole] = moving;
        hashes[hole] = hashes[next] as number;
        keys[hole] = keys[next] as number;
        hole = next;
      }
      next = (next + 1) & mask;
    }
    ids[hole] = undefined;
    this.size--;
  }

  /** The slot holding `id` (whose hash is `hash`), or −1 when absent. */
  private find(id: string, hash: number): number {
    const ids = this.ids;
    const hashes = this.hashes;
    const mask = this.mask;
    let at = hash & mask;
    for (;;) {
      const held = ids[at];
      if (held === undefined) return -1;
      if (hashes[at] === hash && held === id) return at;
      at = (at + 1) & mask;
    }
  }

  /** Re-inserts every id into a table twice `capacity` long, re-hashing them if `rehash`. */
  private rebuild(capacity: number, rehash: boolean): void {
    const oldIds = this.ids;
    const oldHashes = this.hashes;
    const oldKeys = this.keys;
    const grown = capacity * 2;
    this.mask = grown - 1;
    this.ids = new Array<string | undefined>(grown).fill(undefined);
    this.hashes = new Int32Array(grown);
    this.keys = new Float64Array(grown);
    for (let i = 0; i < oldIds.length; i++) {
      const id = oldIds[i];
      if (id !== undefined) this.place(id, rehash ? this.hashOf(id) : (oldHashes[i] as number), oldKeys[i] as number);
    }
  }

  /** Puts an id known to be absent into a table with room for it. */
  private place(id: string, hash: number, key: number): void {
    const ids = this.ids;
    const mask = this.mask;
    let at = hash & mask;
    while (ids[at] !== undefined) at = (at + 1) & mask;
    ids[at] = id;
    this.hashes[at] = hash;
    this.keys[at] = key;
  }
}
