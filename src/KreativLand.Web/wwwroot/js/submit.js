// "Become part": the error summary takes the focus, and a point can be picked on a small map (a click, or the map's centre
// for keyboard users). Without JavaScript the municipality's point from the gazetteer is used.
import { createBaseMap, settingsOf } from './map-core.js';
import { format } from './numbers.js';
import { fetchJson } from './api.js';

const summary = document.getElementById('problems');
if (summary) summary.focus();

const L = window.L;
const element = document.getElementById('submit-map');
if (element && L) {
  const data = element.dataset;
  const settings = settingsOf(element);
  const latitude = document.querySelector('[data-point-lat]');
  const longitude = document.querySelector('[data-point-lon]');
  const text = document.querySelector('[data-point-text]');
  const actions = document.querySelector('[data-point-actions]');
  const municipality = document.getElementById('Input_Municipality');
  const country = document.getElementById('Input_Country');

  const map = createBaseMap(element, settings); // in consent mode the tiles wait for the visitor's click (map-core.js)
  let marker = null;
  const round = (value) => Math.round(value * 100000) / 100000;
  const shown = (value) => value.toLocaleString(document.documentElement.lang, { maximumFractionDigits: 5 });

  function setPoint(lat, lng) {
    const point = L.latLng(lat, lng).wrap();
    latitude.value = String(round(point.lat));
    longitude.value = String(round(point.lng));
    if (marker) marker.setLatLng(point);
    else marker = L.marker(point, { keyboard: false, interactive: false }).addTo(map);
    text.textContent = format(data.labelPoint, shown(round(point.lat)), shown(round(point.lng)));
    element.dataset.point = `${latitude.value},${longitude.value}`;
  }

  function clearPoint() {
    latitude.value = '';
    longitude.value = '';
    marker?.remove();
    marker = null;
    text.textContent = '';
    delete element.dataset.point;
  }

  if (latitude.value && longitude.value) {
    setPoint(Number(latitude.value), Number(longitude.value));
    map.setView(marker.getLatLng(), 12, { animate: false });
  } else {
    map.setView([50, 10], 4, { animate: false });
  }
  map.on('click', (event) => setPoint(event.latlng.lat, event.latlng.lng));
  delete actions.dataset.awaitingScript; // its place was kept while it waited: the form below does not move
  actions.querySelector('[data-point-centre]').addEventListener('click', () => {
    const centre = map.getCenter();
    setPoint(centre.lat, centre.lng);
  });
  actions.querySelector('[data-point-clear]').addEventListener('click', clearPoint);

  // The typed municipality moves the map there (the point itself is the visitor's choice).
  async function showMunicipality() {
    const name = municipality?.value.trim();
    if (!name || name.length < 2 || marker) return;
    try {
      const [place] = (await fetchJson(settings, '/places', { q: name, country: country?.value ?? '' })).places;
      if (place) map.setView([place.lat, place.lon], 12);
    } catch { /* the map still works without it */ }
  }
  municipality?.addEventListener('change', showMunicipality);
  if (!marker) showMunicipality();
  element.dataset.state = 'ready';
}
