// Keeping the main thread responsive: long work is cut into pieces that each stay well under the 50 ms of a "long task",
// with the browser free to paint and answer input in between. Shared by the pages with a map.

const BUDGET_MS = 12;

/** Gives the browser a turn: scheduler.yield() where there is one (keeps this work's priority), else a new macrotask. */
export function yieldToMain() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Runs work(item) for each item, yielding whenever a piece has taken BUDGET_MS. Stops early (resolves false) when
 * stillWanted() turns false after a yield, e.g. because a newer request replaced this one.
 */
export async function inPieces(items, work, stillWanted = () => true) {
  let start = performance.now();
  for (const item of items) {
    work(item);
    if (performance.now() - start > BUDGET_MS) {
      await yieldToMain();
      if (!stillWanted()) return false;
      start = performance.now();
    }
  }
  return true;
}

/**
 * For a loop whose steps wait on their own (an async read): returns a function to await after each step, which yields
 * once the steps since the last yield have taken BUDGET_MS (awaited promises that are already settled never yield).
 */
export function stepYielder() {
  let start = performance.now();
  return async () => {
    if (performance.now() - start <= BUDGET_MS) return;
    await yieldToMain();
    start = performance.now();
  };
}

/** Runs work when the browser is idle (at the latest after `timeout` ms); a timer where there is no idle callback. */
export function whenIdle(work, timeout = 1500) {
  if ('requestIdleCallback' in window) window.requestIdleCallback(work, { timeout });
  else setTimeout(work, 200);
}
