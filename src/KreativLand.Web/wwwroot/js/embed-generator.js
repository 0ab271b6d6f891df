// Embed-code generator (/embed): the filter form plus the embed options give the preview and both snippets, live.
// The snippets are built exactly as the server builds them (Pages/Embed/Index.cshtml.cs) for the no-JavaScript case.
import { showFacetCounts, format } from './map-core.js';
import { attachPlaceSearch, placeLabel } from './place-search.js';
import { setAddress } from './page-url.js';

const form = document.getElementById('filter-form');
const root = document.getElementById('embed-generator');
const preview = document.getElementById('embed-preview');
const iframeSnippet = document.getElementById('iframe-snippet');
const scriptSnippet = document.getElementById('script-snippet');
const origin = root.dataset.origin;
const OPTIONS = ['lang', 'list', 'legend', 'height', 'width'];
const FILTER_ORDER = ['subsector', 'country', 'state', 'region', 'regionValue', 'partnerValue', 'contact', 'duration', 'q', 'bbox', 'near', 'radiusKm'];

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function read() {
  const filter = [];
  const options = {};
  for (const [name, value] of new FormData(form)) {
    const text = String(value).trim();
    if (text === '') continue;
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
    setAddress(`?${new URLSearchParams([...new FormData(form)].filter(([, v]) => String(v).trim() !== ''))}`, { replace: true });
    // Debounced with the preview: a click fires input and change, typing fires one input per key.
    if (counts) updateCounts(settings.filter);
  }, 300);
}

async function updateCounts(filter) {
  try {
    const response = await fetch(`${origin}/api/v1/facets?${new URLSearchParams(filter)}`);
    if (!response.ok) return;
    showFacetCounts(form, await response.json(), root.dataset.labelCount);
  } catch { /* the counts are a help, not a must */ }
}

// Option fields sit outside the form (form="filter-form"): their events do not bubble through it.
document.addEventListener('input', (event) => { if (event.target.form === form) update(); });
document.addEventListener('change', (event) => { if (event.target.form === form) update(); });
form.addEventListener('submit', (event) => {
  event.preventDefault();
  update();
});
form.querySelector('.reset')?.addEventListener('click', (event) => {
  event.preventDefault();
  for (const box of form.querySelectorAll('input[type="checkbox"]')) box.checked = false;
  form.elements.namedItem('q').value = '';
  const region = form.elements.namedItem('region');
  if (region) region.value = '';
  setNear(null);
  const bbox = form.elements.namedItem('bbox');
  bbox.value = '';
  bbox.disabled = true;
  form.querySelector('[data-area-note]')?.setAttribute('hidden', '');
  update();
});

// ---- distance: a place from the gazetteer is the centre ---------------------------------------
const near = form.elements.namedItem('near');
const radius = form.elements.namedItem('radiusKm');
const nearPoint = form.querySelector('[data-near-point]');
const nearClear = form.querySelector('[data-near-clear]');
const placeField = form.querySelector('[data-place]');

function setNear(value) {
  near.value = value ?? '';
  near.disabled = !value;
  radius.disabled = !value;
  nearClear.hidden = !value;
  nearPoint.hidden = !value;
  if (!value) places.reset();
}

const places = attachPlaceSearch(document.getElementById('f-place'), document.getElementById('f-place-options'),
  async (text) => {
    const response = await fetch(`${origin}/api/v1/places?${new URLSearchParams({ q: text, lang: document.documentElement.lang })}`);
    if (!response.ok) throw new Error(String(response.status));
    return (await response.json()).places;
  },
  (place) => {
    setNear(`${place.lon},${place.lat}`);
    nearPoint.textContent = format(root.dataset.labelNearPlace, placeLabel(place));
    update();
  });
placeField.hidden = false;
nearClear.addEventListener('click', (event) => {
  event.preventDefault();
  setNear(null);
  update();
});

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
