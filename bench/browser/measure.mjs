// Chromium measurements for bench/run.sh: for each page, cold loads in a fresh context (no cache):
// time to the first drawn cluster or marker, the longest main-thread task during load and during a pan and zoom,
// and the bytes transferred (all, JS + CSS, the map data). Prints one JSON object.
//   node measure.mjs BASE_URL [RUNS]
import { chromium } from 'playwright-core';
import { mainThreadTasks, openPage, sleep, waitFor } from './cdp.mjs';

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

// The longest main-thread task of a load and of a pan and zoom, in wall time (the trace's duration) and CPU time (its
// thread duration), from a trace taken over a bare DevTools connection (cdp.mjs): Playwright's network agent decodes
// every response body on the page's main thread, a task visitors never have. On a shared machine a task's wall time also
// holds the time other processes had the core, its CPU time does not. Each traced load is in a Chromium of its own, opened
// once that browser's start-up work is done (cdp.mjs), as the timed runs' long-running browser is after its first load.
async function visitTraced({ path, first, ready }) {
  const page = await openPage();
  try {
    const events = await page.trace(['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel'], async () => {
      await page.send('Page.navigate', { url: base + path });
      await waitFor(page, `document.querySelector(${JSON.stringify(ready)}) && document.querySelector(${JSON.stringify(first)})`);
      await sleep(1500); // fit animation and the redraw after it
      const box = JSON.parse(await page.evaluate("performance.mark('kl-interaction'), JSON.stringify(document.querySelector('#map').getBoundingClientRect())"));
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      const mouse = (type, extra = {}) => page.send('Input.dispatchMouseEvent', { type, x, y, ...extra });
      await mouse('mouseMoved');
      for (const deltaY of [-240, -240]) {
        await mouse('mouseWheel', { deltaX: 0, deltaY });
        await sleep(900);
      }
      await mouse('mousePressed', { button: 'left', clickCount: 1 });
      for (let step = 1; step <= 10; step++) await page.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: x + step * 25, y: y + step * 12, button: 'left', buttons: 1 });
      await page.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x: x + 250, y: y + 120, button: 'left', clickCount: 1 });
      await sleep(900);
      for (const deltaY of [240, 240]) {
        await mouse('mouseWheel', { deltaX: 0, deltaY });
        await sleep(900);
      }
    });
    const { pagePids, tasks } = mainThreadTasks(events, new URL(base).origin);
    const mark = events.find((e) => e.name === 'kl-interaction' && pagePids.has(e.pid));
    const split = mark ? mark.ts : Infinity;
    const longest = (list, field) => Math.round(Math.max(0, ...list.map((e) => (e[field] ?? 0) / 1000)));
    const load = tasks.filter((e) => e.ts < split);
    const panZoom = tasks.filter((e) => e.ts >= split);
    return { wallLoad: longest(load, 'dur'), cpuLoad: longest(load, 'tdur'), wallPanZoom: longest(panZoom, 'dur'), cpuPanZoom: longest(panZoom, 'tdur') };
  } finally {
    await page.close();
  }
}

async function measureOnce({ path, first, ready }) {
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
  await context.close();
  return { firstCluster: load.firstCluster, longestLoadTask: load.longest, longestPanZoomTask: interaction, ...bytes };
}

const results = {};
for (const definition of pages) {
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(await measureOnce(definition));
  // Traced loads as a visitor's browser runs them (no DevTools network agent), for the longest tasks; not in the timed runs,
  // since tracing slows a page down.
  const traced = [];
  for (let run = 0; run < runs; run++) traced.push(await visitTraced(definition));
  results[definition.name] = {
    path: definition.path,
    runs: samples,
    firstCluster: median(samples.map((s) => s.firstCluster)),
    longestLoadTask: median(samples.map((s) => s.longestLoadTask)),
    longestPanZoomTask: median(samples.map((s) => s.longestPanZoomTask)),
    bytes: median(samples.map((s) => s.total)),
    jsCss: median(samples.map((s) => s.jsCss)),
    mapData: median(samples.map((s) => s.mapData)),
    traced,
    longestLoadTaskTraced: median(traced.map((t) => t.wallLoad)),
    longestPanZoomTaskTraced: median(traced.map((t) => t.wallPanZoom)),
    longestLoadTaskCpu: median(traced.map((t) => t.cpuLoad)),
    longestPanZoomTaskCpu: median(traced.map((t) => t.cpuPanZoom)),
  };
}
await browser.close();
console.log(JSON.stringify(results, null, 2));
