/**
 * Runs the calls with the same key one after another, within this process. Bookings of one service point's day
 * contend for the same rooms: queued here, a contender holds no database connection while it waits, and it looks
 * at the calendar only after the one before it committed, so a lost race is a single cheap query and a 409. Across
 * instances the advisory locks and the exclusion constraints still decide.
 */
export class KeyedQueue {
  readonly #tails = new Map<string, Promise<void>>();

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(fn);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
