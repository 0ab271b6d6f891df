// A page load traced as a visitor's browser runs it: over a bare DevTools connection with no Network domain. Playwright
// always enables that domain, and its agent then keeps a copy of every response body and decodes text bodies on the
// page's main thread when they finish (ResponseBodyLoader::DidFinishLoadingBody > TextResourceDecoder::Decode): for the
// 6.7 MB map data at 50,000 listings one task of ~100 ms CPU that visitors never have (docs/map-and-api.md, "Main-thread budget").
// Prints the resources' finish times, the longest main-thread tasks by CPU time and their parts.
//   node --experimental-websocket trace-raw.mjs URL        (Node 20; Node 22 has WebSocket built in)
//   env TOP=N: parts of the N longest tasks; OVERLAP=1: other threads' CPU while the longest task ran.
import { mainThreadTasks, openPage, sleep, waitFor } from './cdp.mjs';

const url = process.argv[2];
const page = await openPage();
const events = await page.trace(['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'blink.user_timing', 'loading', 'blink'], async () => {
  await page.send('Page.navigate', { url });
  await waitFor(page, "document.querySelector(\"[data-state='ready']\")").catch(() => { /* traced as far as it got */ });
  await sleep(2500);
});
const info = await page.evaluate("JSON.stringify({ clustering: document.getElementById('map')?.dataset.clustering, markers: document.querySelectorAll('.marker-cluster, .kl-marker').length })");
await page.close();
const { pagePids, mainThreads } = mainThreadTasks(events, new URL(url).origin);
const onMain = events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur);
const navStart = Math.min(...onMain.map((e) => e.ts));
const tasks = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0));
const sends = new Map(events.filter((e) => e.name === 'ResourceSendRequest' && pagePids.has(e.pid)).map((e) => [e.args?.data?.requestId, e.args?.data?.url]));
const fin = events.filter((e) => e.name === 'ResourceFinish' && pagePids.has(e.pid)).map((e) => `${String(sends.get(e.args?.data?.requestId) ?? '?').replace(/^.*\/\/[^/]+/, '').slice(0, 40)}@${((e.ts - navStart) / 1000).toFixed(0)}`);
console.log('finished:', fin.join(' '));
const marks = events.filter((e) => e.cat?.includes('blink.user_timing') && pagePids.has(e.pid) && /^kl-/.test(e.name)).map((e) => `${e.name}@${((e.ts - navStart) / 1000).toFixed(0)}`);
console.log('marks:', [...new Set(marks)].join(' '));
console.log(info, 'top tasks (CPU ms @ start ms):', tasks.slice(0, 5).map((t) => `${((t.tdur ?? 0) / 1000).toFixed(1)}@${((t.ts - navStart) / 1000).toFixed(0)}`).join(' '));
for (const task of tasks.slice(0, Number(process.env.TOP ?? 3))) {
  const subs = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && (e.tdur ?? 0) >= 3000);
  const extra = (e) => e.name === 'UpdateLayoutTree' ? ` elements=${e.args?.elementCount}` : e.name === 'Layout' ? ` objects=${e.args?.beginData?.dirtyObjects}/${e.args?.beginData?.totalObjects}` : '';
  const keep = new Set(['UpdateLayoutTree', 'Layout', 'Paint', 'Layerize', 'PrePaint', 'EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'RunMicrotasks', 'FireAnimationFrame', 'TimerFire', 'EventDispatch', 'ParseHTML', 'MajorGC', 'MinorGC', 'FireIdleCallback', 'ResponseBodyLoader::DidFinishLoadingBody', 'SimpleWatcher::OnHandleReady', 'TextResourceDecoder::Decode']);
  const shown = subs.filter((e) => keep.has(e.name)).length > 0 ? subs.filter((e) => keep.has(e.name)) : onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && (e.tdur ?? 0) >= 500);
  console.log(`  ${((task.tdur ?? 0) / 1000).toFixed(1)}: ${shown.map((e) => `${e.name}${extra(e)}${e.args?.data?.url ? ' ' + e.args.data.url.replace(/^.*\//, '') : ''}${e.args?.data?.functionName ? ' ' + e.args.data.functionName : ''} ${((e.tdur ?? 0) / 1000).toFixed(1)}`).join(' | ')}`);
}
// What else ran while the longest task ran: CPU of other threads' top-level tasks overlapping its window (all processes).
if (process.env.OVERLAP) {
  const top = tasks[0];
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name]));
  const procs = new Map(events.filter((e) => e.name === 'process_name').map((e) => [e.pid, e.args?.name]));
  const busy = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || !/^(RunTask|ThreadControllerImpl::RunTask|ThreadPool_RunTask)$/.test(e.name)) continue;
    const key = `${e.pid}:${e.tid}`;
    if (mainThreads.has(key)) continue;
    const overlap = Math.min(e.ts + e.dur, top.ts + top.dur) - Math.max(e.ts, top.ts);
    if (overlap <= 0) continue;
    const cpu = (e.tdur ?? e.dur) * overlap / e.dur / 1000;
    const label = `${procs.get(e.pid) ?? e.pid}/${names.get(key) ?? e.tid}`;
    busy.set(label, (busy.get(label) ?? 0) + cpu);
  }
  console.log(`  during the longest task (wall ${(top.dur / 1000).toFixed(1)}, cpu ${(top.tdur / 1000).toFixed(1)}), other threads' CPU ms:`,
    [...busy].sort((a, b) => b[1] - a[1]).filter(([, v]) => v >= 0.5).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | '));
}
