// Shared map setup for every page with a map (home, embed, profile, submission; the editor takes the tiles and settings):
// the settings from data- attributes, the base map with its country outlines, the tiles (after the visitor's consent when
// the tile server is a third party), colours from the stylesheet, the subsector marker icon and small text helpers.
// Leaflet is loaded as a classic script before the page module, as window.L.
import { inPieces, whenIdle } from './tasks.js';

const L = window.L;

// A transparent pixel: a tile that cannot load shows nothing instead of a broken image.
const EMPTY_TILE = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/** Reads map settings from the element's data- attributes (the page hands them over; no inline script). */
export function settingsOf(element) {
  const d = element.dataset;
  return {
    tileUrl: d.tileUrl,
    attribution: d.attribution || '',
    maxZoom: Number(d.maxZoom) || 18,
    outlines: d.outlines,
    api: d.api,
    // Map data up to this many bytes is clustered on the main thread, larger in a Web Worker (MapOptions, map-data.js).
    mainThreadBytes: d.mainThreadBytes === undefined ? 64 * 1024 : Number(d.mainThreadBytes),
    profileBase: d.profileBase,
    lang: d.lang || document.documentElement.lang || 'de',
    // data-consent="required": the tile server is a third party, so its tiles wait for the visitor's click.
    tilesNeedConsent: d.consent === 'required',
  };
}

/**
 * A colour the stylesheet defines once as a custom property of :root (site.css, e.g. --map-region-line), for what
 * Leaflet draws from options rather than from CSS.
 */
export function styleColour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/**
 * Creates the map with the configured tiles and, beneath the markers, the outline of Europe's countries,
 * so the map stays readable when no tile server can be reached. When the tiles need consent they wait for it.
 * laterOutlines: the page adds the outline itself (addCountryOutlines) once its first markers are drawn.
 */
export function createBaseMap(element, settings = settingsOf(element), { laterOutlines = false } = {}) {
  const map = L.map(element, {
    center: [51, 10],
    zoom: 4,
    minZoom: 3,
    maxZoom: settings.maxZoom,
    worldCopyJump: true,
    zoomAnimation: !prefersReducedMotion(),
    fadeAnimation: !prefersReducedMotion(),
    markerZoomAnimation: !prefersReducedMotion(),
  });
  map.createPane('outlines');
  map.getPane('outlines').style.zIndex = 350; // above tiles (200), below overlays (400) and markers (600)
  map.getPane('outlines').style.pointerEvents = 'none';

  if (settings.tilesNeedConsent) askForTileConsent(map, element, settings);
  else if (settings.tileUrl) addTiles(map, element, settings);
  if (!laterOutlines) addCountryOutlines(map, element, settings);
  return map;
}

/**
 * The outline of Europe's countries (data-outlines). It is background: drawn when the browser is idle, so it never holds
 * up the first markers, and a few countries at a time, so it never makes a long task either. The maps with clusters call
 * it after their first markers: its 230 KB (76 KB compressed) would otherwise share the network and the main thread with
 * the map data and the first clusters.
 */
export function addCountryOutlines(map, element, settings) {
  if (!settings.outlines) return;
  whenIdle(async () => {
    try {
      const response = await fetch(settings.outlines);
      if (!response.ok) return;
      const data = await response.json();
      const outlines = L.geoJSON(null, {
        pane: 'outlines',
        interactive: false,
        // smoothFactor 2: fewer points drawn per outline at every zoom (background only; it is redrawn after each zoom)
        smoothFactor: 2,
        style: { color: styleColour('--map-country-line'), weight: 1, fillColor: styleColour('--map-country-fill'), fillOpacity: 0.55, className: 'country-outline' },
      }).addTo(map);
      await inPieces(data.features ?? [], (feature) => outlines.addData(feature));
      element.dataset.outlinesLoaded = 'true';
    } catch { /* the map works without the outline */ }
  });
}

/**
 * The consent mode (embed, profile and submission maps): the page's overlay ([data-consent-overlay]) asks first; its
 * button ([data-consent-accept]) loads the tiles and gives the map the focus. Until then data-tiles="waiting".
 */
function askForTileConsent(map, element, settings) {
  const overlay = document.querySelector('[data-consent-overlay]');
  delete overlay.dataset.awaitingScript; // shown where its place was kept (site.css)
  element.dataset.tiles = 'waiting';
  overlay.querySelector('[data-consent-accept]').addEventListener('click', () => {
    addTiles(map, element, settings);
    overlay.remove();
    element.focus();
  });
}

/** The background tiles; called at once, or after the visitor agreed when the tile server is a third party (consent mode). */
export function addTiles(map, element, settings) {
  const tiles = L.tileLayer(settings.tileUrl, {
    maxZoom: settings.maxZoom,
    attribution: settings.attribution,
    errorTileUrl: EMPTY_TILE,
    crossOrigin: false,
  });
  tiles.on('tileerror', (event) => {
    event.tile.classList.add('tile-failed'); // not drawn at all, not even as a stretched placeholder
  });
  tiles.addTo(map);
  element.dataset.tiles = 'on';
  return tiles;
}

export function prefersReducedMotion() {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** A round marker coloured by the cooperation's first subsector (colours come from the stylesheet). */
export function subsectorIcon(subsectors) {
  const dot = document.createElement('span');
  dot.className = 'kl-marker-dot';
  if (subsectors && subsectors.length > 0) dot.dataset.subsector = subsectors[0];
  return L.divIcon({ className: 'kl-marker', html: dot, iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -10] });
}

const regionNames = new Map(); // language -> Intl.DisplayNames, made once: each costs ICU's locale data

/** Country name in the page language, from the browser's own data. */
export function countryName(code, lang) {
  try {
    if (!regionNames.has(lang)) regionNames.set(lang, new Intl.DisplayNames([lang], { type: 'region' }));
    return regionNames.get(lang).of(code) || code;
  } catch {
    return code;
  }
}
