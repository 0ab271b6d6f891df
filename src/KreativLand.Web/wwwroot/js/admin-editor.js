// The listing editor (/admin/cooperations/edit): language tabs, adding and removing rows, the position map,
// the gazetteer lookup and the live criteria checklist. The form works without this script; it only makes it quicker.
// Leaflet is loaded as a classic script before this module (window.L), as on every page with a map.
import { addTiles, settingsOf } from './map-core.js';
import { format, formatCount } from './numbers.js';
import { askBeforeDestructive } from './status-confirm.js';
import { setUpImageRows } from './editor-images.js';

const L = window.L;

const form = document.getElementById('editor-form');
if (form) {
  setUpLanguageTabs(form);
  setUpProblems(form);
  setUpRows(form);
  setUpImageRows(form);
  const marker = setUpMap(form);
  setUpGazetteer(form, marker);
  setUpChecklist(form);
  setUpUnsavedWarning(form);
}
setUpConfirmations(document);
const transition = document.getElementById('transition-form');
if (transition) askBeforeDestructive(transition, transition.querySelector('#Transition_To'));
showRefusal();

// A refused decision (the server's .error-summary with autofocus) is where the curator looks. The browser may focus and
// scroll to it before this script has reshaped the page (language panels hidden, rows set up), which moved it out of view
// on a phone; so it is brought back once the page has its shape.
function showRefusal() {
  const refusal = document.querySelector('.error-summary[autofocus]');
  if (!refusal) return;
  refusal.focus({ preventScroll: true });
  refusal.scrollIntoView({ block: 'nearest' });
}

function setUpLanguageTabs(form) {
  const tablist = form.querySelector('.language-tabs');
  if (!tablist) return;
  const tabs = [...tablist.querySelectorAll('[role=tab]')];
  const show = (selected) => {
    for (const tab of tabs) {
      const active = tab === selected;
      tab.setAttribute('aria-selected', String(active));
      tab.tabIndex = active ? 0 : -1;
      document.getElementById(tab.getAttribute('aria-controls')).hidden = !active;
    }
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => show(tab));
    tab.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      show(next);
      next.focus();
    });
  });
  tablist.hidden = false;
  // A panel holding an error or text in the page language opens first.
  show(tabs.find((tab) => tab.id === 'tab-' + document.documentElement.lang) ?? tabs[0]);
}

// After a refused save each field with a problem shows its message (server-rendered). The first of them takes the focus,
// its language tab opened first; the summary's links do the same for their field instead of only jumping to it.
function setUpProblems(form) {
  const summary = document.getElementById('problems');
  if (!summary) return;
  const focusField = (target) => {
    const panel = target.closest('.language-panel');
    if (panel?.hidden) document.getElementById(panel.getAttribute('aria-labelledby'))?.click();
    const field = target.matches('fieldset') ? target.querySelector('input, select, textarea') : target;
    field?.focus();
  };
  summary.addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="#"]');
    const target = link && document.getElementById(link.getAttribute('href').slice(1));
    if (!target) return;
    event.preventDefault();
    focusField(target);
  });
  const first = form.querySelector('[aria-invalid="true"], fieldset[data-invalid]');
  if (first) focusField(first);
}

function setUpRows(form) {
  let counter = 0;
  for (const button of form.querySelectorAll('[data-add-row]')) {
    const group = button.dataset.addRow;
    const template = form.querySelector(`template[data-row-template="${group}"]`);
    button.hidden = false;
    button.addEventListener('click', () => {
      const key = `n${Date.now()}${counter++}`;
      const html = template.innerHTML.replaceAll('__key__', key);
      button.insertAdjacentHTML('beforebegin', html);
      const row = button.previousElementSibling;
      enhanceRow(row);
      row.querySelector('input:not([type=hidden]), select, textarea')?.focus();
      form.dispatchEvent(new Event('input'));
    });
  }
  form.querySelectorAll('[data-row]').forEach(enhanceRow);
}

// With the script a row is removed at once; without it the "remove" box is honoured on saving.
function enhanceRow(row) {
  setUpPartnerSuggestions(row);
  const checkbox = row.querySelector('[data-remove-row]');
  if (!checkbox || row.querySelector('.remove-row')) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button-small button-danger remove-row';
  button.textContent = checkbox.parentElement.textContent.trim();
  button.addEventListener('click', () => {
    const form = row.closest('form');
    row.remove();
    form.dispatchEvent(new Event('input'));
  });
  checkbox.parentElement.hidden = true;
  row.append(button);
}

function setUpMap(form) {
  const element = document.getElementById('editor-map');
  const latInput = form.querySelector('[name="Input.Location.Latitude"]');
  const lngInput = form.querySelector('[name="Input.Location.Longitude"]');
  if (!element || !latInput || !lngInput) return null;

  const map = L.map(element, { scrollWheelZoom: false });
  addTiles(map, element, settingsOf(element));
  const icon = L.icon({
    iconUrl: '/lib/leaflet/dist/images/marker-icon.png',
    iconRetinaUrl: '/lib/leaflet/dist/images/marker-icon-2x.png',
    shadowUrl: '/lib/leaflet/dist/images/marker-shadow.png',
    iconSize: [25, 41], iconAnchor: [12, 41], shadowSize: [41, 41],
  });
  let marker = null;
  const current = () => {
    const lat = parseFloat(latInput.value), lng = parseFloat(lngInput.value);
    return Number.isFinite(lat) && Number.isFinite(lng) ? [lat, lng] : null;
  };
  const place = (latLng, zoom) => {
    if (!marker) {
      marker = L.marker(latLng, { draggable: true, icon, keyboard: true, title: element.getAttribute('aria-label') }).addTo(map);
      marker.on('dragend', () => write(marker.getLatLng()));
    } else {
      marker.setLatLng(latLng);
    }
    if (zoom) map.setView(latLng, zoom);
  };
  const write = (latLng) => {
    latInput.value = latLng.lat.toFixed(5);
    lngInput.value = latLng.lng.toFixed(5);
    form.dispatchEvent(new Event('input'));
  };

  const start = current();
  if (start) { place(start); map.setView(start, 10); } else { map.setView([51, 10], 4); }
  map.on('click', (event) => { place(event.latlng); write(event.latlng); });
  for (const input of [latInput, lngInput]) {
    input.addEventListener('change', () => { const position = current(); if (position) place(position, map.getZoom()); });
  }
  return { moveTo: (lat, lng) => place([lat, lng], 11) };
}

function setUpGazetteer(form, mapControl) {
  const query = document.getElementById('gazetteer-query');
  const results = document.getElementById('gazetteer-results');
  if (!query || !results) return;
  const field = (name) => form.querySelector(`[name="${name}"]`);
  let timer = 0, controller = null;

  query.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });

  async function search() {
    const text = query.value.trim();
    results.replaceChildren();
    if (text.length < 2) return;
    controller?.abort();
    controller = new AbortController();
    const url = new URL(form.dataset.gazetteerUrl, location.href);
    url.searchParams.set('q', text);
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const data = await response.json();
      for (const place of data.places) {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'link-button';
        const population = place.population ? ` · ${formatCount(place.population)}` : '';
        const within = [place.district, place.state].filter(Boolean).map((name) => `${name}, `).join('');
        button.textContent = `${place.name} (${within}${place.countryName}${population})`;
        button.addEventListener('click', () => choose(place));
        item.append(button);
        results.append(item);
      }
    } catch (error) {
      if (error.name !== 'AbortError') throw error;
    }
  }

  function choose(place) {
    field('Input.Location.Municipality').value = place.name;
    field('Input.Location.Country').value = place.country;
    field('Input.Location.Population').value = place.population ?? '';
    // A new place replaces the location: what the gazetteer does not know is emptied rather than left from the last one.
    field('Input.Location.District').value = place.district ?? '';
    field('Input.Location.Region').value = place.state ?? '';
    field('Input.Location.Latitude').value = place.lat;
    field('Input.Location.Longitude').value = place.lon;
    mapControl?.moveTo(place.lat, place.lon);
    results.replaceChildren();
    query.value = '';
    field('Input.Location.Municipality').focus();
    form.dispatchEvent(new Event('input'));
  }
}

function setUpChecklist(form) {
  const list = document.getElementById('criteria-list');
  if (!list || !form.dataset.criteriaUrl) return;
  let timer = 0, controller = null;
  const refresh = async () => {
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(form.dataset.criteriaUrl, { method: 'POST', body: new FormData(form), signal: controller.signal });
      if (!response.ok) return;
      const data = await response.json();
      list.replaceChildren(...data.criteria.map((criterion) => {
        const item = document.createElement('li');
        item.dataset.criterion = criterion.key;
        item.dataset.outcome = criterion.outcome;
        const label = document.createElement('strong');
        label.textContent = criterion.label;
        const outcome = document.createElement('span');
        outcome.className = 'outcome';
        outcome.textContent = criterion.outcomeLabel;
        const reason = document.createElement('span');
        reason.className = 'reason';
        reason.textContent = criterion.reason;
        item.append(label, ' ', outcome, ' ', reason);
        return item;
      }));
      updateSummaryBar(form, data.criteria);
    } catch (error) {
      if (error.name !== 'AbortError') throw error;
    }
  };
  const schedule = () => { clearTimeout(timer); timer = setTimeout(refresh, 400); };
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
}

// A partner row's name suggests existing partners (name, kind, seat, subsector); choosing one links the row to it and
// shows its stored details. Without the script, a new row naming an existing partner is linked when the form is saved.
function setUpPartnerSuggestions(row) {
  const name = row.querySelector('[data-partner-name]');
  const list = row.querySelector('[data-partner-suggestions]');
  const form = row.closest('form');
  if (!name || !list || !form?.dataset.partnersUrl) return;
  let timer = 0, controller = null;
  const field = (suffix) => row.querySelector(`[name$=".${suffix}"]`);

  name.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 250);
  });
  name.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') list.replaceChildren();
  });

  async function suggest() {
    const text = name.value.trim();
    list.replaceChildren();
    // A linked row keeps its partner: typing then edits the partner's name (held for review when it is public).
    if (text.length < 2 || field('Slug').value) return;
    controller?.abort();
    controller = new AbortController();
    const url = new URL(form.dataset.partnersUrl, location.href);
    url.searchParams.set('q', text);
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      for (const partner of await response.json()) {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'link-button';
        button.dataset.slug = partner.slug;
        button.textContent = partner.label;
        button.addEventListener('click', () => choose(partner));
        item.append(button);
        list.append(item);
      }
    } catch (error) {
      if (error.name !== 'AbortError') throw error;
    }
  }

  function choose(partner) {
    const values = {
      Slug: partner.slug, Seen: partner.seen, Name: partner.name, Kind: partner.kind, Website: partner.website, Sector: partner.sector, SectorCode: partner.sectorCode,
      Employees: partner.employees, Subsector: partner.subsector, Municipality: partner.municipality, Country: partner.country,
      Urban: partner.urban === null || partner.urban === undefined ? '' : String(partner.urban),
    };
    for (const [suffix, value] of Object.entries(values)) {
      const input = field(suffix);
      if (input) input.value = value ?? '';
    }
    row.dataset.partnerSlug = partner.slug;
    const hint = row.querySelector('[data-known-partner]');
    if (hint) {
      hint.textContent = hint.dataset.linkedText || '';
      hint.hidden = !hint.textContent;
    }
    list.replaceChildren();
    name.focus();
    form.dispatchEvent(new Event('input'));
  }
}

// The narrow screens' summary bar: "Criteria: 5 of 7 met, 1 failing" from the refreshed checklist.
function updateSummaryBar(form, criteria) {
  const bar = document.getElementById('criteria-bar');
  const text = form.dataset.summaryText;
  if (!bar || !text) return;
  const met = criteria.filter((c) => c.outcome === 'pass').length;
  const failing = criteria.filter((c) => c.outcome === 'fail').length;
  bar.hidden = criteria.length === 0;
  bar.textContent = format(text, met, criteria.length, failing);
}

// Leaving the page with unsaved changes asks first (the browser's own dialog); saving or checking the form does not.
function setUpUnsavedWarning(form) {
  let dirty = false;
  const touched = () => { dirty = true; };
  form.addEventListener('input', (event) => { if (event.isTrusted) touched(); });
  form.addEventListener('change', (event) => { if (event.isTrusted) touched(); });
  // Removing a row changes the form too (the script removes it at once).
  form.addEventListener('click', (event) => { if (event.isTrusted && event.target.closest('.remove-row')) touched(); });
  form.addEventListener('submit', () => { dirty = false; });
  window.addEventListener('beforeunload', (event) => {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = '';
  });
}

// Destructive buttons (data-confirm="question") ask before their form is sent.
function setUpConfirmations(root) {
  for (const button of root.querySelectorAll('button[data-confirm]')) {
    button.addEventListener('click', (event) => {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  }
}
