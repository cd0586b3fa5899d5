/**
 * A bucket queue (Dial's algorithm) for a Dijkstra whose every step costs at least the
 * bucket width: keys are grouped by floor(key / width), and buckets are taken in order.
 * Popping a bucket's entries in any order is still exact, since no entry of a bucket can
 * lower another of the same bucket (a step adds at least one width). O(1) per push and
 * pop, against O(log n) for a binary heap; entries live in one pool of typed arrays.
 */
export class BucketQueue {
  private head: Int32Array;
  private next: Int32Array;
  private vals: Int32Array;
  private used = 0;
  /** The bucket being taken. */
  current = 0;

  constructor(
    readonly width: number,
    buckets: number,
    capacity = 1 << 16,
  ) {
    this.head = new Int32Array(buckets).fill(-1);
    this.next = new Int32Array(capacity);
    this.vals = new Int32Array(capacity);
  }

  /** Bucket of a key (keys beyond the last bucket are dropped by `push`). */
  bucketOf(key: number): number {
    return Math.floor(key / this.width);
  }

  /** Adds `val` under `key`; false (not added) when the key is past the last bucket. */
  push(key: number, val: number): boolean {
    const b = Math.floor(key / this.width);
    if (b >= this.head.length) return false;
    if (this.used === this.vals.length) {
      const n = new Int32Array(this.used * 2);
      n.set(this.next);
      this.next = n;
      const v = new Int32Array(this.used * 2);
      v.set(this.vals);
      this.vals = v;
    }
    const e = this.used++;
    this.vals[e] = val;
    this.next[e] = this.head[b]!;
    this.head[b] = e;
    if (b < this.current) this.current = b;
    return true;
  }

  /** The next entry's value, from the lowest non-empty bucket (its index in `current`), or −1 when empty. */
  pop(): number {
    const head = this.head;
    while (this.current < head.length && head[this.current]! < 0) this.current++;
    if (this.current >= head.length) return -1;
    const e = head[this.current]!;
    head[this.current] = this.next[e]!;
    return this.vals[e]!;
  }
}
