/**
 * The FIFO of items waiting at the loading end of a batch transport. A head index instead of
 * `Array.shift` keeps taking a load O(load size) however long the queue grows (a port backlog
 * can reach tens of thousands of containers, and `shift` would move all of them every time).
 */

/** A first-in first-out queue with O(1) amortised push and take per item. */
export class HeadIndexQueue<T> {
  // Items live in items[head, tail). The array keeps its length when the queue empties, so a
  // queue that fills and drains every sailing allocates nothing once it has reached its peak.
  private items: Array<T | undefined> = [];
  private head = 0;
  private tail = 0;

  /** Number of items waiting. */
  get length(): number {
    return this.tail - this.head;
  }

  /** Add an item at the back. */
  push(item: T): void {
    if (this.tail === this.items.length) this.items.push(item);
    else this.items[this.tail] = item;
    this.tail++;
  }

  /** The item `offset` places behind the front (0 = front), or undefined past the back. */
  at(offset: number): T | undefined {
    const i = this.head + offset;
    return i < this.tail ? this.items[i] : undefined;
  }

  /** Remove and return the first `count` items, front first (fewer if fewer are waiting). */
  take(count: number): T[] {
    const end = Math.min(this.tail, this.head + count);
    const taken = this.items.slice(this.head, end) as T[];
    // Release the references now: the slots are reused, not dropped.
    this.items.fill(undefined, this.head, end);
    this.head = end;
    this.compact();
    return taken;
  }

  /** Remove and return the front item (undefined when empty), allocating nothing. */
  shift(): T | undefined {
    if (this.head === this.tail) return undefined;
    const item = this.items[this.head] as T;
    this.items[this.head++] = undefined;
    this.compact();
    return item;
  }

  private compact(): void {
    if (this.head === this.tail) {
      this.head = 0;
      this.tail = 0;
    } else if (this.head > 1024 && this.head * 2 > this.tail) {
      // Move the waiting items to the front once the consumed prefix is most of the array: each
      // item moves at most once per halving, so the cost stays O(1) amortised.
      const waiting = this.tail - this.head;
      this.items.copyWithin(0, this.head, this.tail);
      this.items.fill(undefined, waiting, this.tail);
      this.head = 0;
      this.tail = waiting;
    }
  }
}
