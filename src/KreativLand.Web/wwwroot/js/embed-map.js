// The embedded map (/embed/map) on partner sites: markers for the preset filter, optional list and legend,
// tiles only after consent when configured, and its height reported to the embedding page (embed.js) by postMessage.
import { createBaseMap, addCountryOutlines, settingsOf } from './map-core.js';
import { createResultRenderer, resultCountText } from './map-results.js';
import { createClusterLayer, preloadMapData, listingDetails } from './map-data.js';
import { addRegionOutline } from './map-overlays.js';
import { fetchJson } from './api.js';
import { keepPopupsInView, enableMarkerKeyboard } from './map-ui.js';
import { inPieces, yieldToMain } from './tasks.js';

const mapElement = document.getElementById('map');
const data = mapElement.dataset;
const settings = settingsOf(mapElement);
// The map data first of all (the address the page preloads): fetched and indexed while Leaflet starts.
const firstData = data.mapData ? preloadMapData(data.mapData, settings) : null;
const parentOrigin = data.parentOrigin || '';
const wrapper = document.getElementById('embed');
const list = document.getElementById('result-list');
const status = document.getElementById('result-count');

const nameSources = [...document.querySelectorAll('[data-subsector-name]'),
  ...(document.getElementById('subsector-names')?.content.querySelectorAll('[data-subsector-name]') ?? [])];
const subsectorNames = new Map(nameSources.map((item) => [item.dataset.subsectorName, item.textContent.trim()]));
const { listItem, pointMarker } = createResultRenderer({ settings, labels: data, subsectorNames, newTab: true });
/** The list shows the first results; the map all of them. */
const LIST_LIMIT = 200;

// While embed.js sizes the iframe to the content, the map keeps a fixed height (else it would grow with the iframe).
if (parentOrigin) mapElement.style.height = `${Number(data.mapHeight) || 400}px`;

// In consent mode (data-consent="required") the tiles wait for the visitor's click (map-core.js).
await yieldToMain(); // the modules and the map data's request in one task, Leaflet's start in the next
const map = createBaseMap(mapElement, settings, { laterOutlines: true }); // the outline after the first clusters
await yieldToMain();
keepPopupsInView(map);
enableMarkerKeyboard(map);
const known = new Map();
const layer = createClusterLayer(map, {
  settings,
  pointMarker: (point) => pointMarker(point, { details: (id) => listingDetails(settings, id), known: (id) => known.get(id) }),
});

const center = data.center ? data.center.split(',').map(Number) : null;
if (center) map.setView(center, Number(data.zoom) || 9, { animate: false });
else if (data.zoom) map.setZoom(Number(data.zoom), { animate: false });

async function load() {
  mapElement.dataset.state = 'loading';
  if (status) status.textContent = data.labelLoading;
  const query = new URLSearchParams(data.query);
  try {
    const listQuery = new URLSearchParams(query);
    listQuery.set('limit', String(LIST_LIMIT));
    const listRequest = list ? fetchJson(settings, '/cooperations', listQuery, { accept: 'application/geo+json' }) : Promise.resolve(null);
    listRequest.catch(() => {});
    // The map's clusters first, then the list.
    const points = await layer.load(query, { preloaded: firstData });
    const collection = await listRequest;
    await draw(collection?.features ?? [], points.count);
    if (!center && !data.zoom) await fit();
    mapElement.dataset.state = 'ready';
  } catch {
    if (status) status.textContent = data.labelError;
    mapElement.dataset.state = 'error';
  }
  reportHeight();
  addCountryOutlines(map, mapElement, settings);
}

async function draw(features, count) {
  known.clear();
  for (const feature of features) known.set(feature.properties.id, feature.properties);
  mapElement.dataset.markerCount = String(count);
  if (list) {
    // In pieces: a 200-item list never holds up the page.
    list.replaceChildren();
    await inPieces(features, (feature) => list.append(listItem(feature.properties)));
  }
  if (status) status.textContent = resultCountText(data, count);
}

async function fit() {
  let bounds = layer.bounds();
  if (data.region) {
    try {
      const outline = await addRegionOutline(map, settings, data.region);
      bounds = bounds.isValid() ? bounds.extend(outline.getBounds()) : outline.getBounds();
    } catch { /* the markers still show */ }
  }
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [25, 25], maxZoom: 10, animate: false });
}

// ---- height for embed.js ---------------------------------------------------------------------
let lastHeight = 0;
function reportHeight() {
  if (!parentOrigin || window.parent === window) return;
  const height = Math.ceil(wrapper.getBoundingClientRect().height);
  if (height === lastHeight) return;
  lastHeight = height;
  // Posted to the origin embed.js named, never to '*': other pages learn nothing.
  window.parent.postMessage({ type: 'kreativland:height', widget: data.widget || '', height }, parentOrigin);
}
if (parentOrigin) {
  new ResizeObserver(reportHeight).observe(wrapper);
  window.addEventListener('load', reportHeight);
}
window.addEventListener('resize', () => map.invalidateSize());

load();
