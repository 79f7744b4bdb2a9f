/**
 * The FIFO of items waiting at the loading end of a batch transport. A head index instead of
 * `Array.shift` keeps taking a load O(load size) however long the queue grows (a port backlog
 * can reach tens of thousands of containers, and `shift` would move all of them every time).
 */

/** A first-in first-out queue with O(1) amortised push and take per item. */
export class HeadIndexQueue<T> {
  private items: T[] = [];
  private head = 0;

  /** Number of items waiting. */
  get length(): number {
    return this.items.length - this.head;
  }

  /** Add an item at the back. */
  push(item: T): void {
    this.items.push(item);
  }

  /** The item `offset` places behind the front (0 = front), or undefined past the back. */
  at(offset: number): T | undefined {
    return this.items[this.head + offset];
  }

  /** Remove and return the first `count` items, front first (fewer if fewer are waiting). */
  take(count: number): T[] {
    const taken = this.items.slice(this.head, this.head + count);
    this.head += taken.length;
    this.compact();
    return taken;
  }

  /** Remove and return the front item (undefined when empty), allocating nothing. */
  shift(): T | undefined {
    if (this.head === this.items.length) return undefined;
    const item = this.items[this.head] as T;
    // Release the reference now; compact() drops the slot later.
    (this.items as Array<T | undefined>)[this.head++] = undefined;
    this.compact();
    return item;
  }

  private compact(): void {
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      // Drop the consumed prefix once it is most of the array: each item is copied at most
      // once per halving, so the cost stays O(1) amortised and the references are released.
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
