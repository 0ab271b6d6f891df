// The embedded map (/embed/map) on partner sites: markers for the preset filter, optional list and legend,
// tiles only after consent when configured, and its height reported to the embedding page (embed.js) by postMessage.
import { createBaseMap, addTiles, settingsOf, prefersReducedMotion } from './map-core.js';
import { createResultRenderer, resultCountText } from './map-results.js';

const L = window.L;
const mapElement = document.getElementById('map');
const data = mapElement.dataset;
const settings = settingsOf(mapElement);
const consentRequired = data.consent === 'required';
const parentOrigin = data.parentOrigin || '';
const wrapper = document.getElementById('embed');
const list = document.getElementById('result-list');
const status = document.getElementById('result-count');

const nameSources = [...document.querySelectorAll('[data-subsector-name]'),
  ...(document.getElementById('subsector-names')?.content.querySelectorAll('[data-subsector-name]') ?? [])];
const subsectorNames = new Map(nameSources.map((item) => [item.dataset.subsectorName, item.textContent.trim()]));
const { listItem, marker } = createResultRenderer({ settings, labels: data, subsectorNames, newTab: true });

// While embed.js sizes the iframe to the content, the map keeps a fixed height (else it would grow with the iframe).
if (parentOrigin) mapElement.style.height = `${Number(data.mapHeight) || 400}px`;

const map = createBaseMap(mapElement, { ...settings, deferTiles: consentRequired });
const cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 45, animate: !prefersReducedMotion() });
map.addLayer(cluster);

if (consentRequired) {
  const overlay = document.querySelector('[data-consent-overlay]');
  overlay.hidden = false;
  mapElement.dataset.tiles = 'waiting';
  overlay.querySelector('[data-consent-accept]').addEventListener('click', () => {
    addTiles(map, mapElement, settings);
    overlay.remove();
    mapElement.focus();
  });
}

const center = data.center ? data.center.split(',').map(Number) : null;
if (center) map.setView(center, Number(data.zoom) || 9, { animate: false });
else if (data.zoom) map.setZoom(Number(data.zoom), { animate: false });

async function load() {
  mapElement.dataset.state = 'loading';
  if (status) status.textContent = data.labelLoading;
  const query = new URLSearchParams(data.query);
  query.set('lang', settings.lang);
  try {
    const response = await fetch(`${settings.api}/cooperations?${query}`, { headers: { Accept: 'application/geo+json' } });
    if (!response.ok) throw new Error(String(response.status));
    const collection = await response.json();
    draw(collection.features);
    if (!center && !data.zoom) await fit();
    mapElement.dataset.state = 'ready';
  } catch {
    if (status) status.textContent = data.labelError;
    mapElement.dataset.state = 'error';
  }
  reportHeight();
}

function draw(features) {
  const layers = [];
  const items = [];
  for (const feature of features) {
    const properties = feature.properties;
    layers.push(marker(feature));
    if (list) items.push(listItem(properties));
  }
  cluster.addLayers(layers);
  list?.replaceChildren(...items);
  mapElement.dataset.markerCount = String(features.length);
  if (status) status.textContent = resultCountText(data, features.length);
}

async function fit() {
  let bounds = cluster.getBounds();
  if (data.region) {
    try {
      const response = await fetch(`${settings.api}/regions/${encodeURIComponent(data.region)}`);
      if (response.ok) {
        const outline = L.geoJSON(await response.json(), { interactive: false, style: { color: '#1d5c3a', weight: 3, fill: false } }).addTo(map);
        bounds = bounds.isValid() ? bounds.extend(outline.getBounds()) : outline.getBounds();
      }
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
