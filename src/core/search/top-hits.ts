/**
 * The best `limit` of many scored items, and how many there were, without
 * sorting them all: a min-heap of the best so far (a library-wide search for
 * "the" scores hundreds of thousands of paragraphs to show a hundred).
 * Ties go to the item offered first (document order).
 */
export class TopHits<T> {
  private readonly heap: { score: number; order: number; item: T }[] = [];
  private order = 0;
  total = 0;

  constructor(private readonly limit: number) {}

  /** Whether an item with this score would be kept (so the caller can skip making it). */
  wouldKeep(score: number): boolean {
    return this.heap.length < this.limit || score > this.heap[0].score;
  }

  offer(score: number, make: () => T): void {
    this.total++;
    const order = this.order++;
    if (!this.wouldKeep(score)) return;
    const entry = { score, order, item: make() };
    if (this.heap.length < this.limit) {
      this.heap.push(entry);
      this.up(this.heap.length - 1);
    } else {
      this.heap[0] = entry;
      this.down(0);
    }
  }

  /** The kept items, best first. */
  best(): T[] {
    return [...this.heap].sort((a, b) => b.score - a.score || a.order - b.order).map((e) => e.item);
  }

  /** a is worse than b: lower score, or the same score offered later. */
  private worse(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    return x.score < y.score || (x.score === y.score && x.order > y.order);
  }

  private swap(a: number, b: number): void {
    [this.heap[a], this.heap[b]] = [this.heap[b], this.heap[a]];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.heap.length && this.worse(left, worst)) worst = left;
      if (right < this.heap.length && this.worse(right, worst)) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}
