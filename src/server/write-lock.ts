/**
 * Writes through the server take turns: an ingest and a story analyzed on first view both
 * read then write membership and the clusterer's state, so two at once could lose one.
 * Reads do not wait (SQLite serves them from the last committed state).
 */
export class WriteLock {
  private tail: Promise<unknown> = Promise.resolve();
  /** Bumped after every write, so caches can tell they are out of date. */
  generation = 0;

  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn).finally(() => {
      this.generation++;
    });
    this.tail = next.catch(() => undefined);
    return next;
  }
}
