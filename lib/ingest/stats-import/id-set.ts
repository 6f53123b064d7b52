/**
 * A set of positive 32-bit ids in one Uint32Array (open addressing, linear probing): the import
 * remembers every user id of an export to catch one listed twice, and a million ids take 8 MB
 * here instead of ~30 MB of JS Set entries the garbage collector would walk again and again.
 */
export class IdSet {
  private slots = new Uint32Array(1 << 16);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds `id` (1 … 2³²−1); false when it was already there. */
  add(id: number): boolean {
    if (!Number.isInteger(id) || id <= 0 || id > 0xffffffff)
      throw new RangeError(`IdSet holds ids 1…2^32-1, not ${id}`);
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    const added = insert(this.slots, id);
    if (added) this.count++;
    return added;
  }

  has(id: number): boolean {
    const mask = this.slots.length - 1;
    for (let i = home(id, this.slots.length); ; i = (i + 1) & mask) {
      const slot = this.slots[i];
      if (slot === id) return true;
      if (slot === 0) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    for (const id of old) if (id !== 0) insert(this.slots, id);
  }
}

function insert(slots: Uint32Array, id: number): boolean {
  const mask = slots.length - 1;
  for (let i = home(id, slots.length); ; i = (i + 1) & mask) {
    const slot = slots[i];
    if (slot === id) return false;
    if (slot === 0) {
      slots[i] = id;
      return true;
    }
  }
}

// Fibonacci hashing: the top bits of id × 2³²/φ, which spread consecutive and strided ids alike.
function home(id: number, length: number): number {
  return Math.imul(id, 0x9e3779b1) >>> (32 - Math.log2(length));
}
