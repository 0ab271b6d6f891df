// Embed-code generator (/embed): the filter form plus the embed options give the preview and both snippets, live.
// The snippets are built exactly as the server builds them (Pages/Embed/Index.cshtml.cs) for the no-JavaScript case.
import { createFilterForm, formParameters, showFacetCounts } from './filter-form.js';
import { fetchJson } from './api.js';
import { setAddress } from './page-url.js';

const form = document.getElementById('filter-form');
const root = document.getElementById('embed-generator');
const preview = document.getElementById('embed-preview');
const iframeSnippet = document.getElementById('iframe-snippet');
const scriptSnippet = document.getElementById('script-snippet');
const origin = root.dataset.origin;
// The API as the page's script reads it (place search, facet counts), in the page's language.
const api = { api: `${origin}/api/v1`, lang: document.documentElement.lang };
const OPTIONS = ['lang', 'list', 'legend', 'height', 'width'];
const FILTER_ORDER = ['subsector', 'country', 'state', 'region', 'regionValue', 'partnerValue', 'contact', 'duration', 'q', 'bbox', 'near', 'radiusKm'];

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function read() {
  const filter = [];
  const options = {};
  for (const [name, text] of formParameters(form)) {
    if (OPTIONS.includes(name)) options[name] = text;
    else filter.push([name, text]);
  }
  filter.sort((a, b) => FILTER_ORDER.indexOf(a[0]) - FILTER_ORDER.indexOf(b[0]));
  const embed = [['lang', options.lang || document.documentElement.lang]];
  if (options.list === 'on') embed.push(['list', 'on']);
  if (options.legend === 'off') embed.push(['legend', 'off']);
  const heightField = document.getElementById('e-height');
  const height = Math.min(Number(heightField?.max) || 2000, Math.max(Number(heightField?.min) || 150, Number(options.height) || 500));
  const width = /^\d{1,4}(px|%)?$/.test(options.width || '') ? options.width : '100%';
  return { filter, embed, height, width };
}

function mapUrl({ filter, embed }) {
  return `${origin}/embed/map?${new URLSearchParams([...filter, ...embed])}`;
}

function snippets(settings) {
  const iframe = `<iframe src="${escape(mapUrl(settings))}" title="${escape(root.dataset.mapTitle)}" width="${escape(settings.width)}" height="${settings.height}" `
    + 'style="border:0" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>';
  const grouped = new Map();
  for (const [name, value] of [...settings.filter, ...settings.embed]) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  const attributes = [...grouped].map(([name, values]) => ` data-${kebab(name)}="${escape(values.join(','))}"`).join('');
  const width = settings.width === '100%' ? '' : ` data-width="${escape(settings.width)}"`;
  const script = `<script src="${origin}/embed.js"${attributes} data-height="${settings.height}"${width} async></script>`;
  return { iframe, script };
}

let timer;
function update({ counts = true } = {}) {
  const settings = read();
  const { iframe, script } = snippets(settings);
  iframeSnippet.value = iframe;
  scriptSnippet.value = script;
  clearTimeout(timer);
  timer = setTimeout(() => {
    const url = mapUrl(settings);
    if (preview.src !== url) preview.src = url;
    preview.width = settings.width.replace('px', '');
    preview.height = String(settings.height);
    setAddress(`?${formParameters(form)}`, { replace: true });
    // Debounced with the preview: a click fires input and change, typing fires one input per key.
    if (counts) updateCounts(settings.filter);
  }, 300);
}

async function updateCounts(filter) {
  try {
    showFacetCounts(form, await fetchJson(api, '/facets', filter), root.dataset.labelCount);
  } catch { /* the counts are a help, not a must */ }
}

// Option fields sit outside the form (form="filter-form"): their events do not bubble through it.
document.addEventListener('input', (event) => { if (event.target.form === form) update(); });
document.addEventListener('change', (event) => { if (event.target.form === form) update(); });
form.addEventListener('submit', (event) => {
  event.preventDefault();
  update();
});
// The filter form (filter-form.js): a place from the gazetteer as the distance filter's centre, clearing it, reset (which
// empties every filter, the distance and the map area included).
createFilterForm(form, { settings: api, labels: root.dataset, onChange: () => update() });

for (const button of root.querySelectorAll('[data-copy]')) {
  button.addEventListener('click', async () => {
    const field = document.getElementById(button.dataset.copy);
    const status = root.querySelector(`[data-copy-status="${button.dataset.copy}"]`);
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = root.dataset.labelCopied;
    } catch {
      field.select();
      status.textContent = document.execCommand('copy') ? root.dataset.labelCopied : root.dataset.labelCopyFailed;
    }
  });
}

// The page came with the counts for its filter.
update({ counts: false });
