// What the longest main-thread task of a load waits on: its wall time split into the main thread's CPU time (the trace),
// its run-queue wait (the kernel's /proc schedstat of the renderer's main thread, read every few ms during the load and
// interpolated at the task's start and end: the thread was ready, another thread had the core) and what is left (blocked:
// sync calls to other processes, locks). The sync font calls in the task (FontDataManager, WebSandboxSupportLinux) are
// shown beside it: a call's time is partly blocked (until the browser's thread has run) and partly the main thread's own
// run-queue wait after the answer, so it overlaps both parts. Trace timestamps and Node's hrtime are both CLOCK_MONOTONIC.
//   node --experimental-websocket waits.mjs URL [RUNS=5] [--warm] [--at-start]
// Each load is in a Chromium started for it, opened once the browser's own start-up work is done (cdp.mjs, as measure.mjs).
// --at-start: at once instead, the page's first frame beside Chromium's start-up (its omnibox popup WebUI renders then).
// --warm: the same Chromium first shows a page of another origin (a data: URL) and idles a second.
import fs from 'node:fs';
import { mainThreadTasks, openPage, sleep, waitFor } from './cdp.mjs';

const url = process.argv[2];
const runs = Number(process.argv.slice(3).find((a) => /^\d+$/.test(a)) ?? 5);
const warm = process.argv.includes('--warm');
const atStart = process.argv.includes('--at-start');
const fontCall = /^(WebSandboxSupportLinux::|FontDataManager::onMatchFamilyStyle)/;
const micros = () => Number(process.hrtime.bigint() / 1000n);

const parentOf = (pid) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch { return null; }
};
const commandLine = (pid) => { try { return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'); } catch { return ''; } };
const processIds = () => fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);

/** The renderers under the given Chromium (they are the zygote's children, so the whole tree is walked). */
function renderersOf(browserPid) {
  const children = new Map();
  for (const pid of processIds()) {
    const parent = parentOf(pid);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(pid);
  }
  const found = [];
  const todo = [browserPid];
  while (todo.length) {
    for (const child of children.get(todo.pop()) ?? []) {
      todo.push(child);
      if (commandLine(child).includes('--type=renderer')) found.push(child);
    }
  }
  return found;
}

async function visit() {
  const before = new Set(processIds());
  const page = await openPage({ atStart });
  // cdp.mjs's Chromium: the new process with its own profile directory and a DevTools port.
  const browserPid = processIds().find((pid) => !before.has(pid) && /kl-cdp-.*remote-debugging-port=0|remote-debugging-port=0.*kl-cdp-/s.test(commandLine(pid)));
  try {
    if (warm) {
      await page.send('Page.navigate', { url: 'data:text/html,' + encodeURIComponent('<!DOCTYPE html><title>Warm-up</title><p>Another origin.</p>') });
      await sleep(1000);
    }
    // The renderers' main threads (a renderer's main thread has the process's id): cumulative CPU and run-queue time.
    const samples = [];
    let polling = true;
    const poll = (async () => {
      let renderers = [];
      let scanned = 0;
      while (polling) {
        if (micros() - scanned > 50_000) { renderers = browserPid ? renderersOf(browserPid) : []; scanned = micros(); }
        for (const pid of renderers) {
          try {
            const [cpu, queued] = fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ').map(Number);
            samples.push({ t: micros(), pid, cpu: cpu / 1000, queued: queued / 1000 });
          } catch { /* gone */ }
        }
        await sleep(1);
      }
    })();
    const events = await page.trace(['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'fonts'], async () => {
      await page.send('Page.navigate', { url });
      await waitFor(page, "document.querySelector(\"[data-state='ready']\")");
      await sleep(1500);
    });
    polling = false;
    await poll;
    const { mainThreads, tasks } = mainThreadTasks(events, new URL(url).origin);
    const top = tasks.reduce((a, b) => (b.dur > a.dur ? b : a));
    const mine = samples.filter((s) => s.pid === top.pid);
    const queuedAt = (t) => {
      const after = mine.findIndex((s) => s.t > t);
      if (after < 1) return NaN;
      const [a, b] = [mine[after - 1], mine[after]];
      return a.queued + (b.queued - a.queued) * (t - a.t) / (b.t - a.t);
    };
    const calls = events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && fontCall.test(e.name) && e.ts >= top.ts && e.ts <= top.ts + top.dur);
    return {
      wall: top.dur / 1000,
      cpu: (top.tdur ?? 0) / 1000,
      queued: (queuedAt(top.ts + top.dur) - queuedAt(top.ts)) / 1000,
      fontCalls: calls.length,
      fontWait: calls.reduce((sum, e) => sum + e.dur, 0) / 1000,
    };
  } finally {
    await page.close();
  }
}

const ms = (x) => (Number.isNaN(x) ? 'n/a' : x.toFixed(0));
const median = (values) => {
  const sorted = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const results = [];
for (let run = 0; run < runs; run++) {
  const r = await visit();
  results.push(r);
  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  console.log(`longest load task: wall ${ms(r.wall)} = CPU ${ms(r.cpu)} + run queue ${ms(r.queued)} + blocked ${ms(r.wall - r.cpu - r.queued)}`
    + `; ${r.fontCalls} sync font calls in it, ${ms(r.fontWait)} ms (load average ${load})`);
}
const of = (field) => ms(median(results.map((r) => (typeof field === 'function' ? field(r) : r[field]))));
console.log(`median of ${runs}${warm ? ' (warm)' : ''}${atStart ? ' (at start)' : ''}: wall ${of('wall')}, CPU ${of('cpu')}, run queue ${of('queued')}, blocked ${of((r) => r.wall - r.cpu - r.queued)}, font calls ${of('fontWait')} ms`);
