// How a cooperation appears in a result list and a marker popup: shared by the home explorer and the embedded map.
import { countryName, subsectorIcon } from './map-core.js';
import { format } from './numbers.js';

const L = window.L;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * settings: from settingsOf (profileBase, lang); labels: the map element's dataset (labelOpenProfile);
 * subsectorNames: code -> name in the page language; newTab: links open the profile in a new tab (embeds).
 */
export function createResultRenderer({ settings, labels, subsectorNames, newTab = false }) {
  function profileLink(className, text, slug) {
    const link = element('a', className, text);
    link.href = settings.profileBase + encodeURIComponent(slug);
    if (newTab) {
      link.target = '_blank';
      link.rel = 'noopener';
    }
    return link;
  }

  function badges(codes, tag = 'span') {
    const container = element(tag, 'badges');
    for (const code of codes) {
      const badge = element('span', 'badge', subsectorNames.get(code) ?? code);
      badge.dataset.subsector = code;
      container.append(badge);
    }
    return container;
  }

  function listItem(properties) {
    const item = element('li', 'result-item');
    item.dataset.id = properties.id;
    item.append(profileLink('result-title', properties.title, properties.slug),
      element('span', 'result-partners', properties.partners.join(' × ')),
      element('span', 'result-place', `${properties.municipality}, ${countryName(properties.country, settings.lang)}`));
    if (properties.subsectors.length > 0) item.append(badges(properties.subsectors));
    return item;
  }

  function popup(properties) {
    const content = element('div', 'kl-popup');
    content.append(profileLink('kl-popup-title', properties.title, properties.slug),
      element('p', null, properties.partners.join(' × ')),
      element('p', null, `${properties.municipality}, ${countryName(properties.country, settings.lang)}`));
    if (properties.subsectors.length > 0) content.append(badges(properties.subsectors, 'p'));
    const paragraph = element('p');
    paragraph.append(profileLink(null, labels.labelOpenProfile, properties.slug));
    content.append(paragraph);
    return content;
  }

  /** A keyboard-reachable marker coloured by subsector, with its popup; GeoJSON is [longitude, latitude], Leaflet wants [lat, lng]. */
  function marker(feature, options = {}) {
    const properties = feature.properties;
    const [lng, lat] = feature.geometry.coordinates;
    const result = L.marker([lat, lng], { icon: subsectorIcon(properties.subsectors), title: properties.title, keyboard: true, ...options });
    result.bindPopup(() => popup(properties), { autoPanPadding: [20, 20] });
    result.on('add', () => {
      const node = result.getElement();
      node.setAttribute('aria-label', `${properties.title} – ${properties.municipality}`);
      node.dataset.id = properties.id;
    });
    return result;
  }

  /**
   * A listing's marker from the map data ({id, lng, lat, subsectors}). Its title, partners and place arrive when it is
   * opened (details(id) resolves to the properties a list item has), or at once when the page has them already (known(id)).
   */
  function pointMarker(point, { details, known = () => null, ...options }) {
    const marker = L.marker([point.lat, point.lng], { icon: subsectorIcon(point.subsectors), keyboard: true, ...options });
    const describe = (properties) => {
      const node = marker.getElement();
      if (!node || !properties) return;
      node.setAttribute('aria-label', `${properties.title} – ${properties.municipality}`);
      node.title = properties.title;
    };
    marker.on('add', () => {
      const node = marker.getElement();
      node.dataset.id = point.id;
      // Until its details are known, a marker is named by its subsectors; opening it names it fully.
      node.setAttribute('aria-label', point.subsectors.map((code) => subsectorNames.get(code) ?? code).join(', ') || labels.labelOpenProfile);
      describe(known(point.id));
    });
    const content = element('div', 'kl-popup');
    content.append(element('p', null, labels.labelLoading));
    marker.bindPopup(content, { autoPanPadding: [20, 20] });
    marker.on('popupopen', async () => {
      let properties = known(point.id);
      try {
        properties ??= await details(point.id);
      } catch {
        content.replaceChildren(element('p', null, labels.labelError));
        return;
      }
      content.replaceChildren(...popup(properties).childNodes);
      marker.getPopup()?.update();
      describe(properties);
    });
    return marker;
  }

  return { listItem, marker, pointMarker };
}

/** "No cooperation matches", "1 cooperation found" or "N cooperations found", from the map element's labels. */
export function resultCountText(labels, count) {
  return count === 0 ? labels.labelResultsNone : count === 1 ? labels.labelResultsOne : format(labels.labelResults, count);
}
