// The map's data off the main thread, for large data (map-data.js decides): receives the compact GeoJSON (/api/v1/map,
// fetched by the page) in the pieces the page reads it in, parses and clusters it (cluster-index.js, supercluster), and
// answers the main thread's questions (the clusters of a view, a cluster's expansion zoom) with small messages. So a page
// with 50,000 listings never holds megabytes, parses them or builds an index on the thread that draws and scrolls.
// A module worker: import maps do not reach workers, so its imports are the plain URLs.
import { buildIndex } from './cluster-index.js';

let index = null;
let newest = 0; // the generation of the data indexed now: an older load that arrives late is not used
// The pieces of the newest data being received; a newer load's first piece drops an older one's.
let receiving = { generation: 0, pieces: [] };

function receive({ generation, bytes }) {
  if (generation < receiving.generation) return;
  if (generation > receiving.generation) receiving = { generation, pieces: [] };
  receiving.pieces.push(bytes);
}

function load({ number, generation, radius, maxZoom }) {
  if (generation < newest || generation !== receiving.generation) {
    self.postMessage({ type: 'error', number, message: 'superseded' });
    return;
  }
  try {
    const built = buildIndex(receiving.pieces, { radius, maxZoom });
    receiving.pieces = [];
    newest = generation;
    index = built;
    self.postMessage({ type: 'loaded', number, count: built.count, bounds: built.bounds });
  } catch (error) {
    self.postMessage({ type: 'error', number, message: String(error) });
  }
}

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'piece') receive(message);
  else if (message.type === 'load') load(message);
  else if (message.type === 'clusters' && index) {
    self.postMessage({ type: 'clusters', number: message.number, items: index.clusters(message.bbox, message.zoom) });
  } else if (message.type === 'expansion' && index) {
    self.postMessage({ type: 'expansion', number: message.number, zoom: index.expansion(message.id) });
  }
};
