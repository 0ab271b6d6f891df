// Home page: the map explorer. The filter form, the clustered map, the result list and the URL stay in sync.
import { createBaseMap, addCountryOutlines, settingsOf, prefersReducedMotion } from './map-core.js';
import { format } from './numbers.js';
import { createResultRenderer, resultCountText } from './map-results.js';
import { createClusterLayer, preloadMapData, listingDetails } from './map-data.js';
import { addRegionOutline, addNearCircle } from './map-overlays.js';
import { keepPopupsInView, enableMarkerKeyboard, addFullscreenControl } from './map-ui.js';
import { createFilterForm, formParameters as parametersOf, showFacetCounts } from './filter-form.js';
import { fetchJson } from './api.js';
import { setAddress } from './page-url.js';
import { inPieces, yieldToMain } from './tasks.js';

const L = window.L;
const mapElement = document.getElementById('map');
const settings = settingsOf(mapElement);
// The map data first of all (the address the page preloads): fetched and indexed while Leaflet starts.
const firstData = mapElement.dataset.mapData ? preloadMapData(mapElement.dataset.mapData, settings) : null;
const form = document.getElementById('filter-form');
const list = document.getElementById('result-list');
const results = document.querySelector('.explorer-results');
const status = document.getElementById('result-count');
const labels = mapElement.dataset;

const areaToggle = document.getElementById('area-toggle');
const nearPick = form.querySelector('[data-near-pick]');
const nearHint = form.querySelector('[data-near-hint]');

const showAll = document.querySelector('[data-show-all]');
const showAllLink = showAll.querySelector('a');
const listPage = showAllLink.getAttribute('href').split('?')[0];
const listLimit = Number(labels.listLimit) || 200;
const feedBase = document.getElementById('feed-link').dataset.feedBase;

const subsectorNames = new Map(
  [...document.querySelectorAll('[data-subsector-name]')].map((item) => [item.dataset.subsectorName, item.textContent.trim()]));

const renderer = createResultRenderer({ settings, labels, subsectorNames });
const { listItem } = renderer;

// Start-up in steps, each a task of its own: the modules and the map data's request, Leaflet's start, the layer, the
// controls, the form.
await yieldToMain();
const map = createBaseMap(mapElement, settings, { laterOutlines: true }); // the outline after the first clusters
await yieldToMain();
// The list's listings (the first ones of the result): their titles name their markers and fill popups without a request.
const known = new Map();
const layer = createClusterLayer(map, {
  settings,
  pointMarker(point) {
    const marker = renderer.pointMarker(point, { details: (id) => listingDetails(settings, id), known: (id) => known.get(id), riseOnHover: true });
    marker.on('click', () => revealInList(point.id));
    // The other way round: pointing at a marker marks its item in the list.
    marker.on('mouseover', () => markItem(point.id));
    marker.on('mouseout', () => markItem(null));
    return marker;
  },
  // Clusters are redrawn as the view moves: the highlight follows onto whatever shows the listing now.
  onRender: () => { if (highlightedId) highlight(highlightedId); },
});

// The first clusters as soon as the layer exists (the page's own filter, whose data is on its way), not after the rest of
// the start-up below: refresh() picks them up.
const firstPoints = firstData ? layer.load(null, { preloaded: firstData }) : null;
firstPoints?.catch(() => { /* refresh() reports it */ });

keepPopupsInView(map);
enableMarkerKeyboard(map);
addFullscreenControl(map, document.querySelector('[data-map-frame]'), labels);
await yieldToMain();

let highlighted = [];
let highlightedId = null;
let regionLayer = null;
let regionSlug = '';
let nearLayer = null;
let requestNumber = 0;
let movingByCode = false;
let picking = false;

// ---- form state <-> URL ----------------------------------------------------------------------

// The filter form (filter-form.js): the distance filter with its place search, the map area, reset.
const filters = createFilterForm(form, { settings, labels, onChange: (options) => filterChanged(options) });
const { near, radius, bbox, setNear, setBbox } = filters;
const formParameters = () => parametersOf(form);

function boundsParameter() {
  const b = map.getBounds();
  const clamp = (v, limit) => Math.max(-limit, Math.min(limit, v));
  return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)]
    .map((v) => v.toFixed(4)).join(',');
}

function pushState() {
  const query = formParameters().toString();
  setAddress(query ? `?${query}` : window.location.pathname);
  updatePanel();
}

function filterChanged({ fit = !areaToggle.checked } = {}) {
  pushState();
  refresh({ fit });
}

// ---- loading and drawing ---------------------------------------------------------------------

// "Subscribe to this view": the feed takes the same parameters as the map.
function updateFeedLinks(parameters) {
  const query = parameters.toString();
  for (const link of document.querySelectorAll('#feed-link, [data-feed-alternate]')) {
    link.href = `${feedBase}${query ? `?${query}` : ''}`;
  }
}

/**
 * Loads and draws the filter's results: the map's clusters first, then the list and the facet counts. first: the page's
 * own first load, whose list and counts came with the HTML (only their data is kept, for names and highlights).
 */
async function refresh({ fit = false, counts = true, first = false } = {}) {
  const number = ++requestNumber;
  const current = () => number === requestNumber;
  const parameters = formParameters();
  updateFeedLinks(parameters);
  mapElement.dataset.state = 'loading';
  list.setAttribute('aria-busy', 'true');
  if (!first) status.textContent = labels.labelLoading;
  try {
    const listParameters = new URLSearchParams(parameters);
    listParameters.set('limit', String(listLimit));
    const requestList = () => fetchJson(settings, '/cooperations', listParameters);
    // The first load's list came with the page, so its data (the titles of markers and popups) is asked for only after
    // the first clusters: the map data has the network and the server to itself.
    let listRequest = first ? null : requestList();
    const facetRequest = counts ? fetchJson(settings, '/facets', parameters) : Promise.resolve(null);
    listRequest?.catch(() => {});
    facetRequest.catch(() => {});
    const points = await (first && firstPoints ? firstPoints : layer.load(parameters));
    if (!current()) return; // a newer request is under way
    mapElement.dataset.markerCount = String(points.count);
    listRequest ??= requestList();
    const [collection, facets] = await Promise.all([listRequest, facetRequest]);
    if (!current()) return;
    rememberListings(collection.features);
    if (!first && !await drawList(collection.features, points.count, current)) return;
    if (facets) showFacetCounts(form, facets, labels.labelCount);
    await updateOverlays();
    if (fit) fitToResults();
    mapElement.dataset.state = 'ready';
  } catch {
    if (!current()) return;
    status.textContent = labels.labelError;
    mapElement.dataset.state = 'error';
  } finally {
    if (current()) list.removeAttribute('aria-busy');
  }
}

/** The list's listings (the first ones of the result): their titles name their markers and fill popups without a request. */
function rememberListings(features) {
  known.clear();
  for (const feature of features) {
    const [lng, lat] = feature.geometry.coordinates;
    known.set(feature.properties.id, { ...feature.properties, latlng: L.latLng(lat, lng) });
  }
}

/**
 * The result list: the first listings with their titles (the map shows all of them, `count`). Built in pieces, so a
 * 200-item list never holds up the page; resolves false when a newer request took over meanwhile.
 */
async function drawList(features, count, current) {
  showAll.hidden = count <= listLimit;
  showAllLink.href = `${listPage}${window.location.search}`;
  showAllLink.textContent = format(showAllLink.dataset.label, count);
  list.replaceChildren();
  if (!await inPieces(features, (feature) => list.append(listItem(feature.properties)), current)) return false;
  status.textContent = resultCountText(labels, count);
  return true;
}

async function updateOverlays() {
  const region = form.elements.namedItem('region')?.value ?? '';
  if (region !== regionSlug) {
    regionLayer?.remove();
    regionLayer = null;
    regionSlug = region;
    if (region) {
      try {
        regionLayer = await addRegionOutline(map, settings, region);
      } catch { /* the filter still applies without the outline */ }
    }
  }
  nearLayer?.remove();
  nearLayer = null;
  if (!near.disabled && near.value) nearLayer = addNearCircle(map, near.value, radius.value);
}

function fitToResults() {
  let bounds = layer.bounds();
  if (regionLayer) bounds = bounds.isValid() ? bounds.extend(regionLayer.getBounds()) : regionLayer.getBounds();
  if (nearLayer) bounds = nearLayer.getBounds();
  if (!bounds.isValid()) return;
  movingByCode = true;
  map.fitBounds(bounds, { padding: [30, 30], maxZoom: 11, animate: !prefersReducedMotion() });
}

// ---- list <-> marker -------------------------------------------------------------------------

function highlight(id) {
  for (const node of highlighted) node.classList.remove('is-highlighted');
  highlighted = [];
  if (!known.has(id)) return;
  highlightedId = id;
  // Its own marker when the view shows it singly, else the cluster that holds it.
  const node = layer.shownMarker(id, known.get(id).latlng)?.getElement();
  if (node) {
    node.classList.add('is-highlighted');
    highlighted.push(node);
  }
  mapElement.dataset.highlighted = String(id);
}

function unhighlight() {
  for (const node of highlighted) node.classList.remove('is-highlighted');
  highlighted = [];
  highlightedId = null;
  delete mapElement.dataset.highlighted;
}

function markItem(id) {
  for (const other of list.querySelectorAll('.is-pointed')) other.classList.remove('is-pointed');
  if (id !== null) list.querySelector(`[data-id="${id}"]`)?.classList.add('is-pointed');
}
map.getPane('markerPane').addEventListener('focusin', (event) => markItem(Number(event.target.closest?.('.kl-marker')?.dataset.id) || null));
map.getPane('markerPane').addEventListener('focusout', () => markItem(null));

// Marks the marker's item and scrolls the list's own box to it. Never the page: the visitor is looking at the popup.
function revealInList(id) {
  const item = list.querySelector(`[data-id="${id}"]`);
  if (!item) return;
  for (const other of list.querySelectorAll('.is-highlighted')) other.classList.remove('is-highlighted');
  item.classList.add('is-highlighted');
  const box = results;
  if (box.scrollHeight <= box.clientHeight || getComputedStyle(box).overflowY === 'visible') return;
  const itemTop = item.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  if (itemTop < box.scrollTop || itemTop + item.offsetHeight > box.scrollTop + box.clientHeight) {
    box.scrollTo({ top: Math.max(0, itemTop - 8), behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  }
}

const itemId = (event) => Number(event.target.closest?.('.result-item')?.dataset.id);
list.addEventListener('mouseover', (event) => { if (itemId(event)) highlight(itemId(event)); });
list.addEventListener('focusin', (event) => { if (itemId(event)) highlight(itemId(event)); });
list.addEventListener('mouseleave', unhighlight);
list.addEventListener('focusout', unhighlight);

// ---- filter events ---------------------------------------------------------------------------

let typing;
form.addEventListener('input', (event) => {
  if (event.target.name !== 'q') return;
  clearTimeout(typing);
  typing = setTimeout(() => filterChanged(), 400);
});
form.addEventListener('change', (event) => {
  // The search box is debounced above; the place field (no name) sets `near` itself when a place is chosen.
  if (!event.target.name || event.target.name === 'q') return;
  filterChanged();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typing);
  filterChanged();
});

nearPick.hidden = false;
nearPick.addEventListener('click', () => {
  picking = !picking;
  mapElement.classList.toggle('is-picking', picking);
  nearHint.hidden = !picking;
  if (picking) mapElement.focus();
});
map.on('click', (event) => {
  if (!picking) return;
  picking = false;
  mapElement.classList.remove('is-picking');
  nearHint.hidden = true;
  const point = event.latlng.wrap();
  setNear(`${point.lng.toFixed(5)},${point.lat.toFixed(5)}`);
  filterChanged({ fit: true });
});

document.querySelector('[data-area-toggle]').hidden = false;
areaToggle.addEventListener('change', () => {
  setBbox(areaToggle.checked ? boundsParameter() : null);
  filterChanged({ fit: false });
});
map.on('moveend', () => {
  if (movingByCode) {
    movingByCode = false;
    return;
  }
  if (!areaToggle.checked) return;
  setBbox(boundsParameter());
  setAddress(`?${formParameters()}`, { replace: true });
  refresh();
});

window.addEventListener('popstate', () => {
  filters.apply(new URLSearchParams(window.location.search));
  updatePanel();
  if (!bbox.disabled) fitToBbox();
  refresh({ fit: bbox.disabled });
});

function fitToBbox() {
  const [west, south, east, north] = bbox.value.split(',').map(Number);
  movingByCode = true;
  map.fitBounds([[south, west], [north, east]], { animate: false });
}

// ---- phones: filters in a panel that says how many are active, map or list ---------------------

const explorer = document.querySelector('.explorer');
const panelToggle = document.querySelector('[data-filter-toggle]');
const panelCount = document.querySelector('[data-filter-active]');
const filterBox = document.getElementById('filter-panel');

function activeFilterCount() {
  const parameters = formParameters();
  parameters.delete('radiusKm');
  return new Set([...parameters.keys()].flatMap((name) => parameters.getAll(name).map((value) => `${name}=${value}`))).size;
}

function updatePanel() {
  const count = activeFilterCount();
  panelCount.textContent = count > 0 ? format(panelCount.dataset.label, count) : '';
  panelToggle.classList.toggle('has-active', count > 0);
}

function setPanel(open) {
  panelToggle.setAttribute('aria-expanded', String(open));
  filterBox.classList.toggle('is-collapsed', !open);
}

panelToggle.hidden = false;
setPanel(false);
updatePanel();
panelToggle.addEventListener('click', () => setPanel(panelToggle.getAttribute('aria-expanded') !== 'true'));
form.addEventListener('change', updatePanel);

const viewButtons = [...document.querySelectorAll('.view-button[data-view]')];
function setView(view) {
  explorer.dataset.view = view;
  for (const button of viewButtons) button.setAttribute('aria-pressed', String(button.dataset.view === view));
  if (view === 'map') map.invalidateSize();
}
document.querySelector('[data-view-switch]').hidden = false;
for (const button of viewButtons) button.addEventListener('click', () => setView(button.dataset.view));
setView('map');

// ---- start -----------------------------------------------------------------------------------
setNear(near.disabled ? null : near.value, radius.value);
setBbox(bbox.disabled ? null : bbox.value);
if (!bbox.disabled) fitToBbox();
// The page came with the list and the counts for this very filter; only the markers need loading.
refresh({ fit: bbox.disabled, counts: false, first: true }).then(() => addCountryOutlines(map, mapElement, settings));
