/**
 * Runs update handlers: for each chat one after another, in the order the updates were applied,
 * while different chats run side by side. A handler that throws is logged; the others go on.
 *
 * @module
 */
import type { LoggerLike } from "./options.ts";

/** Runs tasks in order per key; tasks of different keys do not wait for each other. */
export class Dispatcher {
  readonly #chains = new Map<string | number, Promise<void>>();
  readonly #logger: LoggerLike;

  constructor(logger: LoggerLike) {
    this.#logger = logger;
  }

  /** Queues `task` behind the earlier tasks of `key`. */
  run(key: string | number, task: () => unknown): void {
    const previous = this.#chains.get(key) ?? Promise.resolve();
    const next = previous.then(task).then(
      () => {},
      (error) => this.#logger.error("an update handler failed", { error }),
    );
    this.#chains.set(key, next);
    // Forget the chain once it is idle, so the map does not grow with every chat ever seen.
    next.then(() => {
      if (this.#chains.get(key) === next) this.#chains.delete(key);
    });
  }

  /** Resolves when every queued task has finished (used by `stop()`). */
  async idle(): Promise<void> {
    for (let i = 0; i < 100 && this.#chains.size > 0; i++) {
      await Promise.all(this.#chains.values());
    }
  }
}
