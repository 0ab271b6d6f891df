// Turns Lighthouse JSON reports into bench/results/lighthouse.md: one row per page and form factor,
// then the audits that cost points, so the next fix is obvious.
// Usage: node summarize.mjs OUT.md BASE_URL name|form|path|report.json ...
import { readFileSync, writeFileSync } from 'node:fs';

const [out, base, ...runs] = process.argv.slice(2);
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const titles = { performance: 'Performance', accessibility: 'Accessibility', 'best-practices': 'Best practices', seo: 'SEO' };
const lines = [];
const losses = [];
const blockedHosts = new Set();
let meta;

for (const run of runs) {
  const [name, form, path, file] = run.split('|');
  const report = JSON.parse(readFileSync(file, 'utf8'));
  meta ??= { lighthouse: report.lighthouseVersion, agent: report.environment?.hostUserAgent ?? '', fetched: report.fetchTime };
  for (const item of report.audits['errors-in-console']?.details?.items ?? []) {
    const url = item.sourceLocation?.url ?? '';
    if (item.source === 'network' && url && !url.startsWith(base)) blockedHosts.add(new URL(url).host);
  }
  const scores = categories.map((c) => Math.round((report.categories[c]?.score ?? 0) * 100));
  lines.push(`| ${name} (\`${path}\`) | ${form} | ${scores.join(' | ')} |`);
  for (const c of categories) {
    const category = report.categories[c];
    for (const ref of category.auditRefs) {
      const audit = report.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        losses.push(`- ${name}, ${form}, ${titles[c]}: **${audit.title}** (\`${ref.id}\`, score ${Math.round(audit.score * 100)}${audit.displayValue ? `, ${audit.displayValue}` : ''})`);
      }
    }
  }
}

const chrome = /Chrome\/([\d.]+)/.exec(meta.agent)?.[1] ?? 'unknown';
const text = `# Lighthouse scores

Measured with \`bench/lighthouse/run.sh\` against ${base} (Lighthouse ${meta.lighthouse}, Chromium ${chrome},
headless, no network beyond 127.0.0.1; ${meta.fetched}). Target: 95 or more in every category.

| page | form factor | Performance | Accessibility | Best practices | SEO |
| --- | --- | ---: | ---: | ---: | ---: |
${lines.join('\n')}

## Audits that cost points

${losses.length ? losses.join('\n') : 'None.'}
${blockedHosts.size ? `
Console errors from ${[...blockedHosts].map((h) => `\`${h}\``).join(', ')} are requests outside 127.0.0.1, refused on purpose by
Chromium's \`--host-resolver-rules\` (no network here): the map tiles. With a reachable tile server they do not occur.
` : ''}`;
writeFileSync(out, text);
console.log(text);
