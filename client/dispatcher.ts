/**
 * Runs update handlers: for each chat one after another, in the order the updates were applied,
 * while different chats run side by side. A handler that throws is logged; the others go on.
 *
 * @module
 */
import type { LoggerLike } from "./options.ts";

/** The tasks of one key and the promise of the loop that runs them. */
interface Queue {
  tasks: (() => unknown)[];
  done: Promise<void>;
}

/** Runs tasks in order per key; tasks of different keys do not wait for each other. */
export class Dispatcher {
  /** Keys with tasks queued or running (a key leaves when its queue is empty). */
  readonly #queues = new Map<string | number, Queue>();
  readonly #logger: LoggerLike;

  constructor(logger: LoggerLike) {
    this.#logger = logger;
  }

  /**
   * Queues `task` behind the earlier tasks of `key`. It starts in a later microtask, never inside
   * this call. One loop per busy key runs its tasks (a promise chain per task would cost three
   * promises per update).
   */
  run(key: string | number, task: () => unknown): void {
    const queue = this.#queues.get(key);
    if (queue !== undefined) {
      queue.tasks.push(task);
      return;
    }
    const tasks = [task];
    this.#queues.set(key, { tasks, done: this.#drain(key, tasks) });
  }

  async #drain(key: string | number, tasks: (() => unknown)[]): Promise<void> {
    await undefined; // the first task starts after run() returned, as every later one does
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i];
      tasks[i] = noop; // a finished task (and what it holds) is not kept until the queue empties
      try {
        const result = task();
        if (typeof (result as PromiseLike<unknown> | undefined)?.then === "function") {
          await result;
        }
      } catch (error) {
        this.#logger.error("an update handler failed", { error });
      }
    }
    // Forget the key once idle, so the map does not grow with every chat ever seen.
    this.#queues.delete(key);
  }

  /** Resolves when every queued task has finished (used by `stop()`). */
  async idle(): Promise<void> {
    for (let i = 0; i < 100 && this.#queues.size > 0; i++) {
      await Promise.all([...this.#queues.values()].map((q) => q.done));
    }
  }
}

const noop = () => {};
