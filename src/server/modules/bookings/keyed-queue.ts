/**
 * Runs the calls with the same key one after another, within this process, each with the key's state (kept while
 * calls for the key are queued or running, dropped when the key falls idle). Bookings of one service point's day
 * contend for the same rooms: queued here, a contender holds no database connection while it waits, and it looks
 * at the calendar only after the one before it committed. Across instances the advisory locks and the exclusion
 * constraints still decide.
 */
export class KeyedQueue<S> {
  readonly #keys = new Map<string, { tail: Promise<void>; state: S }>();
  readonly #newState: () => S;

  constructor(newState: () => S) {
    this.#newState = newState;
  }

  run<T>(key: string, fn: (state: S) => Promise<T>): Promise<T> {
    let entry = this.#keys.get(key);
    if (!entry) this.#keys.set(key, (entry = { tail: Promise.resolve(), state: this.#newState() }));
    const { state } = entry;
    const result = entry.tail.then(() => fn(state));
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    entry.tail = tail;
    void tail.then(() => {
      if (this.#keys.get(key)?.tail === tail) this.#keys.delete(key);
    });
    return result;
  }
}
