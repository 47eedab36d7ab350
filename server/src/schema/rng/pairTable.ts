const INITIAL_CAPACITY = 1024;

/**
 * A hash table keyed by two non-negative 32-bit integers, its keys in typed arrays (open addressing,
 * linear probing): a lookup allocates nothing, where a Map keyed by one number made of two would
 * allocate a heap number for each key past 2^31, and a Map per pattern costs more than its entries.
 */
export class PairTable<V> {
  private capacity: number;
  private firsts: Int32Array;
  private seconds: Int32Array;
  private values: (V | undefined)[];
  private count = 0;

  /** `expected`: how many entries it is about to get, so that it is made that large at once. */
  constructor(expected = 0) {
    let capacity = INITIAL_CAPACITY;
    while (expected * 2 >= capacity) capacity *= 2;
    this.capacity = capacity;
    this.firsts = new Int32Array(capacity);
    this.seconds = new Int32Array(capacity);
    this.values = new Array<V | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  get(first: number, second: number): V | undefined {
    const mask = this.capacity - 1;
    for (let slot = hash(first, second) & mask; ; slot = (slot + 1) & mask) {
      const value = this.values[slot];
      if (value === undefined) return undefined;
      if (this.firsts[slot] === first && this.seconds[slot] === second) return value;
    }
  }

  set(first: number, second: number, value: V): void {
    if ((this.count + 1) * 2 > this.capacity) this.grow();
    const mask = this.capacity - 1;
    for (let slot = hash(first, second) & mask; ; slot = (slot + 1) & mask) {
      if (this.values[slot] === undefined) {
        this.firsts[slot] = first;
        this.seconds[slot] = second;
        this.values[slot] = value;
        this.count++;
        return;
      }
      if (this.firsts[slot] === first && this.seconds[slot] === second) {
        this.values[slot] = value;
        return;
      }
    }
  }

  clear(): void {
    this.capacity = INITIAL_CAPACITY;
    this.firsts = new Int32Array(INITIAL_CAPACITY);
    this.seconds = new Int32Array(INITIAL_CAPACITY);
    this.values = new Array<V | undefined>(INITIAL_CAPACITY);
    this.count = 0;
  }

  forEach(visit: (first: number, second: number, value: V) => void): void {
    for (let slot = 0; slot < this.capacity; slot++) {
      const value = this.values[slot];
      if (value !== undefined) visit(this.firsts[slot]!, this.seconds[slot]!, value);
    }
  }

  private grow(): void {
    const { firsts, seconds, values, capacity } = this;
    this.capacity = capacity * 2;
    this.firsts = new Int32Array(this.capacity);
    this.seconds = new Int32Array(this.capacity);
    this.values = new Array<V | undefined>(this.capacity);
    const mask = this.capacity - 1;
    // The keys are known to be distinct: each goes to the first free slot of its probe.
    for (let slot = 0; slot < capacity; slot++) {
      const value = values[slot];
      if (value === undefined) continue;
      const first = firsts[slot]!;
      const second = seconds[slot]!;
      let free = hash(first, second) & mask;
      while (this.values[free] !== undefined) free = (free + 1) & mask;
      this.firsts[free] = first;
      this.seconds[free] = second;
      this.values[free] = value;
    }
  }
}

/** Kept below 2^30, a small integer to V8: a hash above that would be a heap number wherever this call is not inlined. */
function hash(first: number, second: number): number {
  let h = Math.imul(first, 0x9e3779b1) ^ second;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 13)) & 0x3fffffff;
}
