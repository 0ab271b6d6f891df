// The small map on a profile page: the cooperation's place on the country outlines at once, the background tiles only
// after the visitor agrees when they come from a third party (the same consent rule as the embedded map).
import { createBaseMap, settingsOf, subsectorIcon } from './map-core.js';

const L = window.L;
const element = document.getElementById('profile-map');
const data = element.dataset;
const settings = settingsOf(element);
const point = [Number(data.lat), Number(data.lon)];

const map = createBaseMap(element, settings); // in consent mode the tiles wait for the visitor's click (map-core.js)
map.setView(point, Number(data.zoom) || 8, { animate: false });
L.marker(point, { icon: subsectorIcon(data.subsectors ? data.subsectors.split(',') : []), keyboard: false, interactive: false, title: data.place }).addTo(map);
element.dataset.state = 'ready';
