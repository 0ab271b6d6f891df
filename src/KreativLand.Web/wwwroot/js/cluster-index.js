// The cluster index of a map's points (supercluster), built from the bytes of /api/v1/map. The same code runs on the page's
// main thread for small data and in the Web Worker (map-worker.js) for large data: map-data.js chooses by size.
// supercluster's bundle is a plain script that sets globalThis.Supercluster; imported for that effect.
import '../lib/supercluster/dist/supercluster.min.js';

function boundsOf(features) {
  let west = 180, south = 90, east = -180, north = -90;
  for (const feature of features) {
    const [lng, lat] = feature.geometry.coordinates;
    if (lng < west) west = lng;
    if (lng > east) east = lng;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return features.length > 0 ? [west, south, east, north] : null;
}

/**
 * Parses the map data's bytes (the pieces of the response body, in order) and clusters them. Answers with plain data only (it crosses to the page from the worker):
 * count and bounds ([west, south, east, north] or null); clusters(bbox, zoom) as items [id, lng, lat, count] for a
 * cluster and [id, lng, lat, 0, subsectors] for a single point; expansion(id), the zoom at which a cluster splits.
 */
export function buildIndex(pieces, { radius, maxZoom }) {
  const decoder = new TextDecoder();
  const text = pieces.map((piece, i) => decoder.decode(piece, { stream: i < pieces.length - 1 })).join('');
  const features = JSON.parse(text).features;
  const index = new globalThis.Supercluster({ radius, maxZoom, minPoints: 2 }).load(features);
  return {
    count: features.length,
    bounds: boundsOf(features),
    clusters(bbox, zoom) {
      return index.getClusters(bbox, zoom).map((feature) => {
        const [lng, lat] = feature.geometry.coordinates;
        const properties = feature.properties;
        return properties.cluster
          ? [properties.cluster_id, lng, lat, properties.point_count]
          : [feature.id, lng, lat, 0, properties.subsectors];
      });
    },
    expansion: (id) => index.getClusterExpansionZoom(id),
  };
}
