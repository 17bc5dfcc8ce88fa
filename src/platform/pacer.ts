/**
 * How a background drain loop spaces its write transactions. Between two transactions the loop awaits `pause()`;
 * `busy()` says whether to keep the next one short. A pacer that never pauses long is used when nothing competes.
 */
export interface Pacer {
  busy(): boolean;
  pause(): Promise<void>;
}

export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Never busy: each transaction follows the last after one turn of the event loop. */
export const eagerPacer: Pacer = { busy: () => false, pause: nextTurn };
