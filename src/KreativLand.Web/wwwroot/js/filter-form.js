// The map's filter form (Pages/Shared/_FilterForm.cshtml), shared by the home explorer and the embed generator: its values
// as query parameters, filling it from parameters (reset, back and forward), the distance filter with its gazetteer place
// search, the map-area box and the facet counts. Without JavaScript the form is sent as it is; this only keeps it live.
import { format } from './numbers.js';
import { fetchJson } from './api.js';
import { attachPlaceSearch, placeLabel } from './place-search.js';

/** The form's filled-in fields as query parameters, trimmed; empty and disabled fields are left out. */
export function formParameters(form) {
  const parameters = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    const text = String(value).trim();
    if (text !== '') parameters.append(name, text);
  }
  return parameters;
}

/** Writes the counts of GET /api/v1/facets into the filter form's [data-count-for="parameter:code"] elements. */
export function showFacetCounts(form, facets, label) {
  for (const count of form.querySelectorAll('[data-count-for]')) {
    const [parameter, code] = count.dataset.countFor.split(':');
    count.textContent = format(label, facets[parameter]?.[code] ?? 0);
  }
}

/**
 * Makes the filter form live. settings: { api, lang } for the place search; labels: labelNearPlace ("near {0}") and, where
 * a point can be picked on the map, labelNearPoint; onChange({ fit }) runs when the distance filter changed here (a place
 * chosen: fit true; cleared) or the form was reset (fit true). The map-area box beside the map (#area-toggle) is optional.
 */
export function createFilterForm(form, { settings, labels, onChange }) {
  const near = form.elements.namedItem('near');
  const radius = form.elements.namedItem('radiusKm');
  const bbox = form.elements.namedItem('bbox');
  const nearClear = form.querySelector('[data-near-clear]');
  const nearPoint = form.querySelector('[data-near-point]');
  const areaNote = form.querySelector('[data-area-note]');
  const areaToggle = document.getElementById('area-toggle');

  /** The distance filter's centre ("longitude,latitude") and radius; null clears it. */
  function setNear(value, radiusKm) {
    near.value = value ?? '';
    near.disabled = !value;
    radius.disabled = !value;
    if (radiusKm) radius.value = radiusKm;
    nearClear.hidden = !value;
    if (!value) places.reset();
    nearPoint.hidden = !value;
    if (value && labels.labelNearPoint) {
      const [lng, lat] = value.split(',').map(Number);
      nearPoint.textContent = format(labels.labelNearPoint, `${lat.toFixed(4)}° N, ${lng.toFixed(4)}° E`);
    }
  }

  /** The map-area filter ("west,south,east,north"); null clears it. */
  function setBbox(value) {
    bbox.value = value ?? '';
    bbox.disabled = !value;
    if (areaToggle) areaToggle.checked = Boolean(value);
    if (areaNote) areaNote.hidden = true; // the checkbox beside the map says it when JavaScript runs
  }

  /** Sets every filter field from query parameters (comma lists and repeated parameters alike); empty ones clear it. */
  function apply(parameters) {
    const values = (name) => parameters.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim());
    for (const box of form.querySelectorAll('input[type="checkbox"]')) box.checked = values(box.name).includes(box.value);
    form.elements.namedItem('q').value = parameters.get('q') ?? '';
    const region = form.elements.namedItem('region');
    if (region) region.value = parameters.get('region') ?? '';
    setNear(parameters.get('near'), parameters.get('radiusKm'));
    setBbox(parameters.get('bbox'));
  }

  // A municipality from the gazetteer as the centre: suggestions while typing (place-search.js), the chosen one sets `near`.
  const places = attachPlaceSearch(document.getElementById('f-place'), document.getElementById('f-place-options'),
    async (text) => (await fetchJson(settings, '/places', { q: text })).places,
    (place) => {
      setNear(`${place.lon},${place.lat}`);
      nearPoint.textContent = format(labels.labelNearPlace, placeLabel(place));
      onChange({ fit: true });
    });
  form.querySelector('[data-place]').hidden = false;

  nearClear.addEventListener('click', (event) => {
    event.preventDefault();
    setNear(null);
    onChange({});
  });
  form.querySelector('.reset')?.addEventListener('click', (event) => {
    event.preventDefault();
    apply(new URLSearchParams());
    onChange({ fit: true });
  });

  return { near, radius, bbox, setNear, setBbox, apply, parameters: () => formParameters(form) };
}
