// The small map on a profile page: the cooperation's place on the country outlines at once, the background tiles only
// after the visitor agrees when they come from a third party (the same consent rule as the embedded map).
import { createBaseMap, addTiles, settingsOf, subsectorIcon } from './map-core.js';

const L = window.L;
const element = document.getElementById('profile-map');
const data = element.dataset;
const settings = settingsOf(element);
const consentRequired = data.consent === 'required';
const point = [Number(data.lat), Number(data.lon)];

const map = createBaseMap(element, { ...settings, deferTiles: consentRequired });
map.setView(point, Number(data.zoom) || 8, { animate: false });
L.marker(point, { icon: subsectorIcon(data.subsectors ? data.subsectors.split(',') : []), keyboard: false, interactive: false, title: data.place }).addTo(map);

if (consentRequired) {
  const overlay = document.querySelector('[data-consent-overlay]');
  overlay.hidden = false;
  element.dataset.tiles = 'waiting';
  overlay.querySelector('[data-consent-accept]').addEventListener('click', () => {
    addTiles(map, element, settings);
    overlay.remove();
    element.focus();
  });
}
element.dataset.state = 'ready';
