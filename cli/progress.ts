/**
 * A progress bar on stderr, drawn only when stderr is a terminal and redrawn at most a few
 * times a second (scripts and pipes see nothing).
 *
 * @module
 */

/** Where the bar is drawn: a terminal stream (`isTTY`, `columns`) or nothing. */
export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * Counts done work out of a known total.
 *
 * @example
 * ```ts
 * import { Progress } from "./progress.ts";
 * const bar = new Progress("peers", 1000, { isTTY: false, write: () => true });
 * bar.add(500);
 * bar.done();
 * ```
 */
export class Progress {
  readonly #label: string;
  readonly #total: number;
  readonly #sink: ProgressSink | null;
  #count = 0;
  #drawnAt = 0;

  constructor(label: string, total: number, sink: ProgressSink) {
    this.#label = label;
    this.#total = total;
    this.#sink = sink.isTTY ? sink : null;
  }

  /** Work done so far. */
  get count(): number {
    return this.#count;
  }

  add(n: number): void {
    this.#count += n;
    const now = Date.now();
    if (this.#sink && now - this.#drawnAt >= 100) {
      this.#drawnAt = now;
      this.#draw();
    }
  }

  #draw(): void {
    const total = Math.max(this.#total, this.#count);
    const share = total === 0 ? 1 : this.#count / total;
    const width = Math.max(10, Math.min(40, (this.#sink!.columns ?? 80) - 50));
    const filled = Math.round(share * width);
    const bar = "#".repeat(filled) + "-".repeat(width - filled);
    const text = `${this.#label} [${bar}] ${this.#count.toLocaleString("en")}/` +
      `${total.toLocaleString("en")} ${(share * 100).toFixed(0)}%`;
    this.#sink!.write(`\r${text}\x1b[K`);
  }

  /** Draws the final state and ends the line. */
  done(): void {
    if (!this.#sink) return;
    this.#draw();
    this.#sink.write("\n");
  }
}
