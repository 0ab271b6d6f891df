// Builds src/KreativLand.Web/wwwroot/data/countries-europe.geojson from the
// Natural Earth 1:50m country outlines shipped in the npm package world-atlas.
// See README.md beside this file for how to run it.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as topojson from 'topojson-client';
import countries from 'i18n-iso-countries';
import { EUROPE } from './europe.mjs';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
countries.registerLocale(require('i18n-iso-countries/langs/de.json'));

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2]
  ?? path.resolve(here, '../../src/KreativLand.Web/wwwroot/data/countries-europe.geojson');


// Shorter / more common names than the package's official ones.
const NAME_OVERRIDES = {
  en: { CZ: 'Czechia', MD: 'Moldova', MK: 'North Macedonia', VA: 'Vatican City', AX: 'Åland', GB: 'United Kingdom' },
  de: { CZ: 'Tschechien', MD: 'Moldau', VA: 'Vatikanstadt' },
};
const nameOf = (a2, lang) => NAME_OVERRIDES[lang][a2] ?? countries.getName(a2, lang);

// Entities without a numeric ISO code in world-atlas, matched by name.
// N. Cyprus has no ISO code of its own; it is merged into CY (ISO 3166 / EU view).
const BY_NAME = { 'Kosovo': 'XK', 'N. Cyprus': 'CY' };

// Polygons (islands, overseas departments) whose bbox centre lies outside this
// box are dropped: French Guiana, Réunion, Caribbean Netherlands, ... and
// Svalbard (it would stretch a fitBounds() view far to the north).
// Azores, Madeira, Canary Islands, Jan Mayen and Cyprus stay.
const BOX = { west: -32, east: 45, south: 27, north: 72 };

const NO_OUTLINE = new Set(['GI', 'SJ']);

const DIGITS = 3;

function run() {
  const atlasPath = require.resolve('world-atlas/countries-50m.json');
  const topo = JSON.parse(fs.readFileSync(atlasPath, 'utf8'));
  const wanted = new Set(EUROPE);

  // Group topology geometries by alpha-2 code.
  const groups = new Map();
  for (const g of topo.objects.countries.geometries) {
    const a2 = g.id !== undefined ? countries.numericToAlpha2(g.id) : BY_NAME[g.properties.name];
    if (!a2 || !wanted.has(a2)) continue;
    if (!groups.has(a2)) groups.set(a2, []);
    groups.get(a2).push(g);
  }
  // GI (Gibraltar) and SJ (Svalbard, drawn as part of NO) have no outline of
  // their own at 1:50m; they are in the list for the gazetteer.
  // Natural Earth draws the de-facto line of control: Crimea is part of the
  // Russia geometry. Following the EU / UN General Assembly position it is
  // moved to UA here (by arcs, so the shared border stays exact).
  const russia = topo.objects.countries.geometries.find((g) => g.id === '643');
  const crimea = russia.arcs.filter((polygon) => {
    const ring = topojson.feature(topo, { type: 'Polygon', arcs: polygon }).geometry.coordinates[0];
    return ring.every(([x, y]) => x > 32 && x < 37 && y > 44 && y < 46.5);
  });
  if (crimea.length !== 1) throw new Error(`expected 1 Crimea polygon in RU, found ${crimea.length}`);
  groups.get('UA').push({ type: 'MultiPolygon', arcs: crimea });

  const missing = EUROPE.filter((c) => !groups.has(c) && !NO_OUTLINE.has(c));
  if (missing.length) throw new Error(`not found in world-atlas: ${missing.join(', ')}`);

  const features = [];
  for (const a2 of [...groups.keys()].sort()) {
    const geoms = groups.get(a2);
    const geom = geoms.length === 1
      ? topojson.feature(topo, geoms[0]).geometry
      : topojson.merge(topo, geoms); // removes the inner border (Cyprus)
    const polys = (geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates)
      .filter(inBox)
      .map(cleanPolygon)
      .filter((p) => p !== null);
    if (polys.length === 0) throw new Error(`${a2}: no polygon left`);
    features.push({
      type: 'Feature',
      properties: { iso_a2: a2, name: nameOf(a2, 'en'), name_de: nameOf(a2, 'de') },
      geometry: polys.length === 1
        ? { type: 'Polygon', coordinates: polys[0] }
        : { type: 'MultiPolygon', coordinates: polys },
    });
  }

  // One feature per line: compact, yet diffs stay readable.
  const text = '{"type":"FeatureCollection","features":[\n'
    + features.map((f) => JSON.stringify(f)).join(',\n')
    + '\n]}\n';
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  console.log(`${features.length} features, ${text.length} bytes -> ${out}`);
  return features;
}

function inBox(poly) {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const [x, y] of poly[0]) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  return cx >= BOX.west && cx <= BOX.east && cy >= BOX.south && cy <= BOX.north;
}

const round = (v) => Math.round(v * 10 ** DIGITS) / 10 ** DIGITS;

// Rounds, drops repeated points and degenerate rings, closes rings and applies
// the RFC 7946 right-hand rule (exterior counter-clockwise, holes clockwise).
function cleanPolygon(poly) {
  const rings = [];
  for (const [i, ring] of poly.entries()) {
    const pts = [];
    for (const [x, y] of ring) {
      const p = [round(x), round(y)];
      const last = pts[pts.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
    }
    const first = pts[0], last = pts[pts.length - 1];
    if (first[0] !== last[0] || first[1] !== last[1]) pts.push([...first]);
    if (pts.length < 4 || signedArea(pts) === 0) {
      if (i === 0) return null; // exterior collapsed: drop the whole polygon
      continue;
    }
    const ccw = signedArea(pts) > 0;
    if ((i === 0) !== ccw) pts.reverse();
    rings.push(pts);
  }
  return rings;
}

function signedArea(pts) {
  let s = 0;
  for (let i = 0; i < pts.length - 1; i++) s += pts[i][0] * pts[i + 1][1] - pts[i + 1][0] * pts[i][1];
  return s / 2;
}

run();
