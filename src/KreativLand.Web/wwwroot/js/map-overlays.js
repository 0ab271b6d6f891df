// What a map draws over its background for the filter, shared by the home explorer and the embedded map: the outline of
// the chosen region (GET /api/v1/regions/{slug}) and the circle of the distance filter. Their colours are the
// stylesheet's (site.css: --map-region-line, --map-near-line).
import { fetchJson } from './api.js';
import { styleColour } from './map-core.js';

const L = window.L;

/** Loads a region's outline and adds it to the map; resolves to the layer (for its bounds), rejects when it cannot load. */
export async function addRegionOutline(map, settings, slug) {
  const outline = await fetchJson(settings, `/regions/${encodeURIComponent(slug)}`);
  return L.geoJSON(outline, {
    interactive: false,
    style: { color: styleColour('--map-region-line'), weight: 3, fill: false, className: 'region-outline' },
  }).addTo(map);
}

/** The distance filter's circle: near is "longitude,latitude" as in the query, radiusKm its radius. */
export function addNearCircle(map, near, radiusKm) {
  const [lng, lat] = near.split(',').map(Number);
  const colour = styleColour('--map-near-line');
  return L.circle([lat, lng], { radius: Number(radiusKm) * 1000, color: colour, weight: 2, fillOpacity: 0.06, interactive: false }).addTo(map);
}
