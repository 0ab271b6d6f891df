// Chromium measurements for bench/run.sh: for each page, cold loads in a fresh context (no cache):
// time to the first drawn cluster or marker, the longest main-thread task during load and during a pan and zoom,
// and the bytes transferred (all, JS + CSS, the map data). Prints one JSON object.
//   node measure.mjs BASE_URL [RUNS]
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:5080';
const runs = Number(process.argv[3] ?? 3);

const pages = [
  { name: 'home', path: '/en/', first: '.marker-cluster, .kl-marker', ready: "#map[data-state='ready']" },
  { name: 'embed', path: '/en/embed/map', first: '.marker-cluster, .kl-marker', ready: "#map[data-state='ready']" },
  { name: 'bare', path: '/bench-reference/bare.html', first: '.marker-cluster, .leaflet-marker-icon', ready: "body[data-state='ready']" },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'],
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted[Math.floor((sorted.length - 1) / 2)];
};

// The longest main-thread task by CPU time (Chromium trace, RunTask's thread duration), during load and during pan and
// zoom: on a shared machine a task's wall time also holds the time other processes had the core, its CPU time does not.
function longestCpuTasks(trace, origin) {
  const events = trace.traceEvents;
  const pagePids = new Set(events.filter((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').startsWith(origin)).map((e) => e.pid));
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pagePids.has(e.pid)).map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.name === 'RunTask');
  const mark = events.find((e) => e.name === 'kl-interaction' && pagePids.has(e.pid));
  const split = mark ? mark.ts : Infinity;
  const longest = (list) => Math.round(Math.max(0, ...list.map((e) => (e.tdur ?? 0) / 1000)));
  return { cpuLoad: longest(tasks.filter((e) => e.ts < split)), cpuPanZoom: longest(tasks.filter((e) => e.ts >= split)) };
}

async function measureOnce({ path, first, ready }, traced = false) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
  const bytes = { total: 0, jsCss: 0, mapData: 0 };
  context.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    if (!sizes) return;
    const body = sizes.responseBodySize; // as transferred (compressed)
    const url = new URL(request.url());
    bytes.total += body + sizes.responseHeadersSize;
    if (/\.(js|css)$/.test(url.pathname)) bytes.jsCss += body;
    if (url.pathname.endsWith('/api/v1/map')) bytes.mapData += body;
  });
  const page = await context.newPage();
  if (traced) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel'] });
  await page.addInitScript((selector) => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    window.__firstCluster = null;
    const check = () => {
      if (window.__firstCluster === null && document.querySelector(selector)) window.__firstCluster = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  }, first);

  await page.goto(base + path, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForSelector(ready, { state: 'attached', timeout: 120_000 });
  await page.waitForFunction(() => window.__firstCluster !== null, null, { timeout: 120_000 });
  await page.waitForTimeout(1500); // fit animation and the redraw after it
  const load = await page.evaluate(() => ({
    firstCluster: window.__firstCluster,
    longest: Math.max(0, ...window.__longTasks.map((t) => t.duration)),
  }));

  // Pan and zoom as a visitor does: two wheel steps in, a drag, two steps out.
  const interactionStart = await page.evaluate(() => { performance.mark('kl-interaction'); return performance.now(); });
  const box = await page.locator('#map').boundingBox();
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  for (const delta of [-240, -240]) {
    await page.mouse.wheel(0, delta);
    await page.waitForTimeout(900);
  }
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) await page.mouse.move(x + step * 25, y + step * 12);
  await page.mouse.up();
  await page.waitForTimeout(900);
  for (const delta of [240, 240]) {
    await page.mouse.wheel(0, delta);
    await page.waitForTimeout(900);
  }
  const interaction = await page.evaluate((start) =>
    Math.max(0, ...window.__longTasks.filter((t) => t.start >= start).map((t) => t.duration)), interactionStart);
  const cpu = traced ? longestCpuTasks(JSON.parse((await browser.stopTracing()).toString()), new URL(base).origin) : {};
  await context.close();
  return { ...cpu, firstCluster: load.firstCluster, longestLoadTask: load.longest, longestPanZoomTask: interaction, ...bytes };
}

const results = {};
for (const definition of pages) {
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(await measureOnce(definition));
  // One more load, traced, for the CPU time of the longest tasks (tracing slows a page down, so not in the timed runs).
  const traced = await measureOnce(definition, true);
  results[definition.name] = {
    path: definition.path,
    runs: samples,
    firstCluster: median(samples.map((s) => s.firstCluster)),
    longestLoadTask: median(samples.map((s) => s.longestLoadTask)),
    longestPanZoomTask: median(samples.map((s) => s.longestPanZoomTask)),
    bytes: median(samples.map((s) => s.total)),
    jsCss: median(samples.map((s) => s.jsCss)),
    mapData: median(samples.map((s) => s.mapData)),
    longestLoadTaskCpu: traced.cpuLoad,
    longestPanZoomTaskCpu: traced.cpuPanZoom,
  };
}
await browser.close();
console.log(JSON.stringify(results, null, 2));
