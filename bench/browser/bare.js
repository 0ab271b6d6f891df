// The reference of bench/run.sh: the plainest map of the same data from the same server, as the Leaflet and
// markercluster documentation shows it (default options, all markers added at once).
const map = L.map('map', { maxZoom: 18 }).setView([51, 10], 4);
fetch('/api/v1/map' + window.location.search)
  .then((response) => response.json())
  .then((data) => {
    const cluster = L.markerClusterGroup();
    cluster.addLayers(L.geoJSON(data).getLayers());
    map.addLayer(cluster);
    map.fitBounds(cluster.getBounds(), { padding: [30, 30], maxZoom: 11 });
    document.body.dataset.state = 'ready';
  });
