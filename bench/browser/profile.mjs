// What the long main-thread tasks of a page load (and of a pan and zoom) are made of: a Chromium trace, then every task
// over THRESHOLD ms with its biggest parts (script evaluation by URL, function calls, style, layout, parse, paint).
//   node profile.mjs URL [THRESHOLD_MS=50] [--interact]
import { chromium } from 'playwright-core';

const url = process.argv[2];
const threshold = Number(process.argv[3] ?? 50);
const interact = process.argv.includes('--interact');
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'],
});
const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
const page = await context.newPage();
await browser.startTracing(page, {
  categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'toplevel', 'loading'],
});
const t0 = Date.now();
await page.goto(url, { waitUntil: 'load' });
await page.waitForSelector("[data-state='ready']", { state: 'attached', timeout: 120_000 });
await page.waitForTimeout(2000);
if (interact) {
  const box = await page.locator('#map').boundingBox();
  const x = box.x + box.width / 2, y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  for (const delta of [-240, -240]) { await page.mouse.wheel(0, delta); await page.waitForTimeout(900); }
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) await page.mouse.move(x + step * 25, y + step * 12);
  await page.mouse.up();
  await page.waitForTimeout(900);
  for (const delta of [240, 240]) { await page.mouse.wheel(0, delta); await page.waitForTimeout(900); }
}
const trace = JSON.parse((await browser.stopTracing()).toString());
await browser.close();
const events = trace.traceEvents;
// The page's own renderer: the one that parsed its HTML (Chromium's own WebUI renderers are in the trace too).
const pagePids = new Set(events.filter((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').startsWith(new URL(url).origin)).map((e) => e.pid));
const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pagePids.has(e.pid)).map((e) => `${e.pid}:${e.tid}`));
const onMain = events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur);
const navStart = Math.min(...onMain.map((e) => e.ts));
const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur >= threshold * 1000);
const interesting = new Set(['EvaluateScript', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'EventDispatch',
  'FireAnimationFrame', 'FireIdleCallback', 'Layout', 'UpdateLayoutTree', 'ParseHTML', 'ParseAuthorStyleSheet', 'Paint', 'PrePaint',
  'Layerize', 'HitTest', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase', 'XHRReadyStateChange', 'v8.compile', 'ResourceReceivedData',
  'RunMicrotasks', 'ScheduleStyleRecalculation', 'CommitLoad', 'ResourceFinish', 'v8.parseOnBackground', 'DecodeImage']);
for (const task of tasks) {
  const end = task.ts + task.dur;
  const parts = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end && e.dur >= 2000 && interesting.has(e.name));
  console.log(`TASK at ${((task.ts - navStart) / 1000).toFixed(0)} ms: wall ${(task.dur / 1000).toFixed(1)} ms, cpu ${((task.tdur ?? 0) / 1000).toFixed(1)} ms`);
  for (const part of parts) {
    const d = part.args?.data ?? part.args?.beginData ?? {};
    const what = [d.url?.replace(/^.*\/\/[^/]+/, ''), d.functionName, d.type, d.stackTrace?.[0]?.url?.replace(/^.*\/\/[^/]+/, ''), d.stackTrace?.[0]?.functionName].filter(Boolean).join(' ');
    console.log(`    ${part.name} wall ${(part.dur / 1000).toFixed(1)} cpu ${((part.tdur ?? 0) / 1000).toFixed(1)} ${what}`);
  }
}
const cpuLongest = Math.max(0, ...onMain.filter((e) => e.name === 'RunTask').map((e) => (e.tdur ?? 0) / 1000));
console.log(`longest task by CPU time ${cpuLongest.toFixed(1)} ms`);
console.log(`${tasks.length} tasks ≥ ${threshold} ms; longest ${Math.max(0, ...onMain.filter((e) => e.name === 'RunTask').map((e) => e.dur / 1000)).toFixed(1)} ms; total ${Date.now() - t0} ms`);
