/**
 * The events the engine holds, as a struct of arrays sorted by (period, tMs): one growable
 * Float64Array for times, one Int32Array for the precomputed contribution, one array of ids.
 * No object per event, so holding and shifting events allocates nothing on the hot path.
 *
 * Slot i's fields live at `i * F_STRIDE + F_*` in `nums` and `i * I_STRIDE + I_*` in `ints`.
 */

/** (period, tMs) as one sortable number (see timeline.ts `eventKey`). */
export const F_KEY = 0;
/** Played time in ms; NaN until the event is due (its period's start is known by then). */
export const F_G = 1;
/** Insertion serial: identifies this version of the event (a correction gets a new one). */
export const F_SERIAL = 2;
export const F_STRIDE = 3;

export const I_PERIOD = 0;
export const I_TMS = 1;
/** The side credited with possession, shots, xG and field tilt: 0 home, 1 away. */
export const I_SIDE = 2;
export const I_POSSESSION = 3;
export const I_SHOTS = 4;
/** Expected goals in 1/10000 of a goal. */
export const I_XG = 5;
export const I_TILT = 6;
/** recentEvents points, credited to I_RECENT_SIDE (the opponent for cards). */
export const I_RECENT = 7;
export const I_RECENT_SIDE = 8;
/** 1 for goals, own goals, penalty awards and red / second-yellow cards. */
export const I_TRIGGER = 9;
export const I_STRIDE = 10;

// A live match holds ~100–200 events (430 s of play), so most engines never grow.
const INITIAL_CAPACITY = 128;

export class HeldEvents {
  size = 0;
  nums = new Float64Array(INITIAL_CAPACITY * F_STRIDE);
  ints = new Int32Array(INITIAL_CAPACITY * I_STRIDE);
  /** ids[i] is slot i's event id; always `size` long. */
  readonly ids: string[] = [];
  /** idHashes[i] is ids[i]'s hash in the engine's id table (id-index.ts), so forgetting needs no rehash. */
  idHashes = new Int32Array(INITIAL_CAPACITY);

  /** Opens slot `at` (shifting later slots up by one) and returns it; the caller fills it. */
  openAt(at: number, id: string, idHash: number): number {
    const size = this.size;
    if (size === this.idHashes.length) this.grow();
    if (at === size) {
      this.ids.push(id);
    } else {
      this.nums.copyWithin((at + 1) * F_STRIDE, at * F_STRIDE, size * F_STRIDE);
      this.ints.copyWithin((at + 1) * I_STRIDE, at * I_STRIDE, size * I_STRIDE);
      this.idHashes.copyWithin(at + 1, at, size);
      this.ids.splice(at, 0, id);
    }
    this.idHashes[at] = idHash;
    this.size = size + 1;
    return at;
  }

  /** Removes slot `at`, shifting later slots down by one. */
  removeAt(at: number): void {
    const size = this.size;
    if (at !== size - 1) {
      this.nums.copyWithin(at * F_STRIDE, (at + 1) * F_STRIDE, size * F_STRIDE);
      this.ints.copyWithin(at * I_STRIDE, (at + 1) * I_STRIDE, size * I_STRIDE);
      this.idHashes.copyWithin(at, at + 1, size);
    }
    this.ids.splice(at, 1);
    this.size = size - 1;
  }

  /** Drops the first `count` slots. */
  dropFront(count: number): void {
    const size = this.size;
    this.nums.copyWithin(0, count * F_STRIDE, size * F_STRIDE);
    this.ints.copyWithin(0, count * I_STRIDE, size * I_STRIDE);
    this.idHashes.copyWithin(0, count, size);
    this.ids.splice(0, count);
    this.size = size - count;
  }

  key(i: number): number {
    return this.nums[i * F_STRIDE + F_KEY] as number;
  }

  g(i: number): number {
    return this.nums[i * F_STRIDE + F_G] as number;
  }

  /** First slot in [from, to) whose key is > key. */
  upperBound(key: number, from: number, to: number): number {
    return this.search(F_KEY, key, false, from, to);
  }

  /** First slot in [from, to) whose played time is > g (admitted slots are sorted by it too). */
  upperBoundG(g: number, from: number, to: number): number {
    return this.search(F_G, g, false, from, to);
  }

  /** First slot in [from, to) whose key is ≥ key. */
  lowerBound(key: number, from: number, to: number): number {
    return this.search(F_KEY, key, true, from, to);
  }

  /** Binary search over `nums` field `field` (sorted in [from, to)): first slot > value, or ≥ value when `orEqual`. */
  private search(field: number, value: number, orEqual: boolean, from: number, to: number): number {
    const nums = this.nums;
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = nums[mid * F_STRIDE + field] as number;
      if (orEqual ? v < value : v <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private grow(): void {
    const nums = new Float64Array(this.nums.length * 2);
    nums.set(this.nums);
    this.nums = nums;
    const ints = new Int32Array(this.ints.length * 2);
    ints.set(this.ints);
    this.ints = ints;
    const idHashes = new Int32Array(this.idHashes.length * 2);
    idHashes.set(this.idHashes);
    this.idHashes = idHashes;
  }
}
