/**
 * At most a few subsets are built at once per server process; the others wait their turn. An
 * answer is held in memory until sent (up to the immediate-answer size, twice: values and file),
 * so without a gate a burst of large requests would multiply that by the burst.
 */
const MAX_AT_ONCE = 4;

class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_AT_ONCE) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

const global = globalThis as unknown as { pogsSubsetGate?: Gate };

export function subsetGate(): Gate {
  return (global.pogsSubsetGate ??= new Gate());
}
