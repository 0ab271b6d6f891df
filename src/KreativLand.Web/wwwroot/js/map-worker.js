// The map's data off the main thread: parses the compact GeoJSON (/api/v1/map, fetched by the page) and clusters it with supercluster,
// and answers the main thread's questions (the clusters of a view, a cluster's expansion zoom) with small messages.
// So a page with 50,000 listings never parses megabytes or builds an index on the thread that draws and scrolls.
// A classic worker: import maps do not reach workers, and supercluster's bundle is a plain script.
importScripts('../lib/supercluster/dist/supercluster.min.js');

let index = null;
let newest = 0; // the generation of the data indexed now: an older load that arrives late is not used

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

/** Parses the map data's bytes (fetched by the page, handed over without a copy) and builds the cluster index. */
function load({ number, generation, bytes, radius, maxZoom }) {
  if (generation < newest) {
    self.postMessage({ type: 'error', number, message: 'superseded' });
    return;
  }
  try {
    const features = JSON.parse(new TextDecoder().decode(bytes)).features;
    const built = new Supercluster({ radius, maxZoom, minPoints: 2 }).load(features);
    if (generation < newest) throw new Error('superseded');
    newest = generation;
    index = built;
    self.postMessage({ type: 'loaded', number, count: features.length, bounds: boundsOf(features) });
  } catch (error) {
    self.postMessage({ type: 'error', number, message: String(error) });
  }
}

/** Clusters as [id, lng, lat, count]; single points as [id, lng, lat, 0, subsectors]. */
function clusters({ number, bbox, zoom }) {
  if (!index) return;
  const items = index.getClusters(bbox, zoom).map((feature) => {
    const [lng, lat] = feature.geometry.coordinates;
    const properties = feature.properties;
    return properties.cluster
      ? [properties.cluster_id, lng, lat, properties.point_count]
      : [feature.id, lng, lat, 0, properties.subsectors];
  });
  self.postMessage({ type: 'clusters', number, zoom, items });
}

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'load') load(message);
  else if (message.type === 'clusters') clusters(message);
  else if (message.type === 'expansion' && index) {
    self.postMessage({ type: 'expansion', number: message.number, zoom: index.getClusterExpansionZoom(message.id) });
  }
};
