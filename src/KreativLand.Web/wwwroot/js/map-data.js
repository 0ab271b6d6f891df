// The map's data path, shared by the home explorer and the embedded map: the listings come as compact points from
// /api/v1/map and are clustered with supercluster (cluster-index.js); the page draws only the clusters and markers of the
// current view. Small data (the size of a region's directory) is clustered on the main thread, at once: a worker would
// only add its start-up and a round trip per question before the first clusters. Large data goes to a Web Worker
// (map-worker.js), so the main thread never parses megabytes or builds a big index. The bytes are fetched here (the first
// request as early as the page allows, matching its <link rel="preload">); markers are added in pieces so no task grows long.
import { prefersReducedMotion } from './map-core.js';
import { format, formatShortCount } from './numbers.js';
import { fetchJson } from './api.js';
import { inPieces, stepYielder } from './tasks.js';
import { buildIndex } from './cluster-index.js';

const L = window.L;

/** Pixel radius within which points merge into a cluster (as markercluster's maxClusterRadius). */
const CLUSTER_RADIUS = 60;


function clusterIcon(count) {
  const size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
  const outer = document.createElement('div');
  const inner = document.createElement('span');
  inner.textContent = formatShortCount(count);
  outer.append(inner);
  // The classes of Leaflet.markercluster's stylesheet, which still draws them.
  return L.divIcon({ html: outer, className: `marker-cluster marker-cluster-${size}`, iconSize: L.point(40, 40) });
}

/** The map data's address for a filter (URLSearchParams or its text); no "?" when there is no filter. */
export function mapDataUrl(settings, parameters) {
  const query = new URLSearchParams(parameters).toString();
  return new URL(`${settings.api}/map${query ? `?${query}` : ''}`, window.location.href).href;
}

// One worker per page, started by the first large data.
let worker = null;
let number = 0;
const waiting = new Map(); // message number -> { resolve, reject }
// Each load of data has a generation; the worker keeps the newest, however the fetches overtake each other.
let generation = 0;

function post(message, transfer = []) {
  if (!worker) {
    worker = new Worker(import.meta.resolve('./map-worker.js'), { type: 'module' });
    worker.onmessage = (event) => {
      const answer = event.data;
      const pending = waiting.get(answer.number);
      if (!pending) return;
      waiting.delete(answer.number);
      if (answer.type === 'error') pending.reject(new Error(answer.message ?? answer.type));
      else pending.resolve(answer);
    };
  }
  worker.postMessage(message, transfer);
}

/** Sends a question to the worker; resolves to its answer. */
function ask(message) {
  const id = ++number;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    post({ ...message, number: id });
  });
}

/**
 * Fetches map data and indexes it: on the main thread when it is small, else in the worker. Resolves to an index with
 * count, bounds, clusters(bbox, zoom) and expansion(id), the last two as promises either way.
 * The body is read piece by piece as it arrives. Large data goes to the worker in those pieces (transferred, not copied),
 * so the main thread never gathers it whole: at 50,000 listings (6.7 MB) response.arrayBuffer() did that, and with the
 * post to the worker it took one task of 45–100 ms CPU (docs/map-and-api.md, "Main-thread budget").
 */
async function loadIndex(url, maxZoom, mainThreadBytes) {
  const mine = ++generation;
  const response = await fetch(url); // no extra headers: the page's preloaded response is the one used
  if (!response.ok) throw new Error(`${response.status}`);
  const reader = response.body.getReader();
  // A newer filter's data is on its way: the rest of this body is not needed, so the browser stops downloading it.
  const stopIfSuperseded = async () => {
    if (mine === generation) return;
    await reader.cancel();
    throw new Error('superseded');
  };
  const pieces = [];
  let size = 0;
  while (size <= mainThreadBytes) {
    await stopIfSuperseded();
    const { done, value } = await reader.read();
    if (done) {
      const index = buildIndex(pieces, { radius: CLUSTER_RADIUS, maxZoom });
      return { ...index, where: 'page', clusters: async (bbox, zoom) => index.clusters(bbox, zoom), expansion: async (id) => index.expansion(id) };
    }
    pieces.push(value);
    size += value.byteLength;
  }
  const send = (piece) => {
    const own = piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength ? piece : piece.slice();
    post({ type: 'piece', generation: mine, bytes: own }, [own.buffer]);
  };
  pieces.forEach(send);
  // The preloaded body is often all there already, and then every read() answers at once: yield between pieces of work.
  const step = stepYielder();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    await stopIfSuperseded();
    send(read.value);
    await step();
  }
  const { count, bounds } = await ask({ type: 'load', generation: mine, radius: CLUSTER_RADIUS, maxZoom });
  return {
    count,
    bounds,
    where: 'worker',
    clusters: async (bbox, zoom) => (await ask({ type: 'clusters', bbox, zoom })).items,
    expansion: async (id) => (await ask({ type: 'expansion', id })).zoom,
  };
}

/**
 * The page's first map data, started before anything else (the address its <link rel="preload"> names): fetched and
 * indexed while the page sets up Leaflet, so the first clusters only wait for the slower of the two.
 * Hand the result to the layer's load() as `preloaded`. settings: map-core's settingsOf (maxZoom, mainThreadBytes).
 */
export function preloadMapData(url, settings) {
  const indexed = loadIndex(url, settings.maxZoom - 1, settings.mainThreadBytes);
  indexed.catch(() => { /* the page's load() reports it */ });
  return indexed;
}

/**
 * A layer of clustered points. settings: from map-core's settingsOf (api); pointMarker(point) makes a single listing's
 * marker ({id, lng, lat, subsectors}); onRender() runs after each redraw.
 */
export function createClusterLayer(map, { settings, pointMarker, onRender = () => {} }) {
  const group = L.layerGroup().addTo(map);
  const clusterLabel = map.getContainer().dataset.labelCluster; // "{0} cooperations – zoom in"
  const shown = new Map(); // 'c:ID' or 'p:ID' -> marker, for everything on the map now
  let loading = 0;
  let loaded = null; // the index of the points shown (loadIndex)

  function viewBox() {
    const bounds = map.getBounds().pad(0.2);
    const west = bounds.getWest();
    const east = bounds.getEast();
    if (east - west >= 360) return [-180, -85, 180, 85];
    const clamp = (v) => Math.max(-85, Math.min(85, v));
    return [L.Util.wrapNum(west, [-180, 180], true), clamp(bounds.getSouth()), L.Util.wrapNum(east, [-180, 180], true), clamp(bounds.getNorth())];
  }

  let drawing = 0;
  async function redraw() {
    if (!loaded) return;
    const ticket = ++drawing;
    const zoom = map.getZoom();
    const items = await loaded.clusters(viewBox(), zoom);
    const current = () => ticket === drawing && zoom === map.getZoom();
    if (!current()) return; // the view moved on meanwhile
    // Only what changed: markers that stay are left alone; new ones are added in pieces, then the ones gone are removed.
    const wanted = new Set();
    const added = await inPieces(items, ([id, lng, lat, count, subsectors]) => {
      const key = count > 0 ? `c:${id}` : `p:${id}`;
      wanted.add(key);
      if (shown.has(key)) return;
      const marker = count > 0 ? clusterMarker(id, lat, lng, count) : pointMarker({ id, lng, lat, subsectors: subsectors ?? [] });
      marker.klKey = key;
      group.addLayer(marker);
      shown.set(key, marker);
    }, current);
    if (!added) return; // a newer redraw cleans up
    const gone = [...shown].filter(([key]) => !wanted.has(key));
    if (!await inPieces(gone, ([key, marker]) => { group.removeLayer(marker); shown.delete(key); }, current)) return;
    onRender();
  }

  function clusterMarker(id, lat, lng, count) {
    const marker = L.marker([lat, lng], { icon: clusterIcon(count), keyboard: true });
    marker.klCount = count;
    // Named like a listing's marker (map-results.js): the full count, grouped as the page's language writes it, not the icon's "12k".
    if (clusterLabel) marker.on('add', () => marker.getElement().setAttribute('aria-label', format(clusterLabel, count)));
    // Leaflet fires click for Enter on a focused marker too.
    marker.on('click', async () => {
      const zoom = await loaded.expansion(id);
      map.flyTo([lat, lng], Math.min(zoom, map.getMaxZoom()), { animate: !prefersReducedMotion() });
    });
    return marker;
  }

  map.on('moveend', redraw);

  return {
    /**
     * Loads the points for a filter (URLSearchParams) and draws the current view; resolves to { count, bounds }.
     * preloaded: preloadMapData's promise for this very filter, when the page started it early.
     */
    async load(parameters, { preloaded = null } = {}) {
      const ticket = ++loading;
      const index = await (preloaded ?? loadIndex(mapDataUrl(settings, parameters), map.getMaxZoom() - 1, settings.mainThreadBytes));
      if (ticket !== loading) throw new Error('superseded'); // a newer filter is under way
      loaded = index;
      map.getContainer().dataset.clustering = index.where; // 'page' or 'worker': which path served these points
      await redraw();
      return { count: index.count, bounds: index.bounds };
    },

    /** All results' bounds as Leaflet bounds (invalid when there are none). */
    bounds() {
      const box = loaded?.bounds;
      return box ? L.latLngBounds([box[1], box[0]], [box[3], box[2]]) : L.latLngBounds([]);
    },

    /**
     * The marker that shows a listing now: its own, or the cluster nearest to it on screen (within the cluster radius).
     */
    shownMarker(id, latlng) {
      const own = shown.get(`p:${id}`);
      if (own) return own;
      if (!latlng) return null;
      const target = map.latLngToLayerPoint(latlng);
      let best = null;
      let distance = CLUSTER_RADIUS * 1.5;
      for (const [key, marker] of shown) {
        if (!key.startsWith('c:')) continue;
        const d = map.latLngToLayerPoint(marker.getLatLng()).distanceTo(target);
        if (d < distance) {
          best = marker;
          distance = d;
        }
      }
      return best;
    },

    redraw,
  };
}

/** A listing's title, partners and place for its popup, from the OGC API item (the map data has only id, point and subsectors). */
export async function listingDetails(settings, id) {
  const site = { ...settings, api: settings.api.replace(/\/api\/v1$/, '') };
  const { properties } = await fetchJson(site, `/ogc/collections/cooperations/items/${encodeURIComponent(id)}`, { f: 'json' },
    { accept: 'application/geo+json' });
  const list = (text) => (text ? text.split('; ') : []);
  return {
    id,
    slug: properties.slug,
    title: properties.title,
    partners: list(properties.partners),
    subsectors: list(properties.subsectors),
    municipality: properties.municipality,
    country: properties.country,
  };
}
