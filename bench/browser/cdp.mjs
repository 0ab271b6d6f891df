// Chromium over a bare DevTools connection, with no Network domain: the page runs as a visitor's browser runs it.
// Playwright always enables that domain, and its agent then keeps a copy of every response body and decodes text bodies
// on the page's main thread when they finish: for the 6.7 MB map data at 50,000 listings one task of ~100 ms CPU that
// visitors never have (docs/map-and-api.md, "Main-thread budget"). Used by measure.mjs (the longest tasks) and
// trace-raw.mjs (what they are made of).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** CPU time (clock ticks) of a process and all its descendants, from /proc. */
function treeTicks(rootPid) {
  const stats = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch { /* gone */ }
  }
  let total = 0;
  const todo = [rootPid];
  while (todo.length) {
    const pid = todo.pop();
    total += stats.get(pid)?.ticks ?? 0;
    for (const [child, { parent }] of stats) if (parent === pid) todo.push(child);
  }
  return total;
}

/**
 * Waits until a just-started Chromium has done its own start-up work: for ~1.5 s after its start it spends some 2 s of CPU,
 * 0.7 s of it rendering its omnibox popup (a "top chrome" WebUI page it preloads), on the same two cores as the measured
 * page. A visitor's browser did that when it started, long before the visit. Settled: under 30 ms of CPU in 500 ms.
 */
async function settle(chromePid, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  let last = treeTicks(chromePid);
  while (Date.now() < until) {
    await sleep(500);
    const now = treeTicks(chromePid);
    if (now - last < 3) return;
    last = now;
  }
}

/**
 * Starts Chromium and opens one page at 1366×900; `send(method, params)` talks to that page, `trace(run)` records one.
 * Unless `atStart`, the page is opened once the browser's own start-up work is done (see settle).
 */
export async function openPage({ width = 1366, height = 900, lang = 'en-GB', atStart = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kl-cdp-'));
  const chrome = spawn('/usr/bin/chromium', ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost', '--remote-debugging-port=0', `--user-data-dir=${dir}`,
    `--window-size=${width},${height}`, `--lang=${lang}`, 'about:blank'], { stdio: 'ignore' });
  const exited = new Promise((resolve) => { chrome.once('exit', resolve); });
  let port;
  for (let i = 0; i < 300 && !port; i++) {
    await sleep(100);
    try { port = fs.readFileSync(path.join(dir, 'DevToolsActivePort'), 'utf8').split('\n')[0]; } catch { /* not yet */ }
  }
  if (!port) throw new Error('Chromium did not open its DevTools port');
  const version = await (await fetch(`http://127.0.0.1:${port}/json/version`)).json();
  const ws = new WebSocket(version.webSocketDebuggerUrl);
  await new Promise((resolve) => { ws.addEventListener('open', resolve); });
  let id = 0;
  const pending = new Map();
  const listeners = [];
  ws.addEventListener('message', (message) => {
    const msg = JSON.parse(message.data);
    if (msg.id && pending.has(msg.id)) {
      const { resolve, reject } = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) reject(new Error(JSON.stringify(msg.error))); else resolve(msg.result);
    } else for (const listener of listeners) listener(msg);
  });
  const raw = (method, params = {}, sessionId = undefined) => new Promise((resolve, reject) => {
    const next = ++id;
    pending.set(next, { resolve, reject });
    ws.send(JSON.stringify({ id: next, method, params, sessionId }));
  });
  const { targetId } = await raw('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await raw('Target.attachToTarget', { targetId, flatten: true });
  const send = (method, params = {}) => raw(method, params, sessionId);
  await send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
  if (!atStart) await settle(chrome.pid);

  return {
    send,
    evaluate: async (expression) => (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })).result.value,
    /** Runs `run()` under a trace of the given categories and returns the trace's events. */
    async trace(categories, run) {
      const events = [];
      let done;
      const finished = new Promise((resolve) => { done = resolve; });
      const listener = (msg) => {
        if (msg.method === 'Tracing.dataCollected') events.push(...msg.params.value);
        if (msg.method === 'Tracing.tracingComplete') done();
      };
      listeners.push(listener);
      await raw('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: categories } });
      try { await run(); } finally {
        await raw('Tracing.end');
        await finished;
        listeners.splice(listeners.indexOf(listener), 1);
      }
      return events;
    },
    async close() {
      ws.close();
      chrome.kill();
      await exited;
      try { fs.rmSync(dir, { recursive: true, force: true }); } catch { /* chromium's last writes */ }
    },
  };
}

/** Waits until `expression` is true in the page (polling), or throws after `timeoutMs`. */
export async function waitFor(page, expression, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await page.evaluate(`!!(${expression})`).catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${expression}`);
}

/** The page's main-thread tasks (RunTask on CrRendererMain of the renderer that parsed a page of `origin`). */
export function mainThreadTasks(events, origin) {
  const pagePids = new Set(events.filter((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').startsWith(origin)).map((e) => e.pid));
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pagePids.has(e.pid)).map((e) => `${e.pid}:${e.tid}`));
  return { pagePids, mainThreads, tasks: events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.name === 'RunTask') };
}

export { sleep };
