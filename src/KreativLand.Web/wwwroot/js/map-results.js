// How a cooperation appears in a result list and a marker popup: shared by the home explorer and the embedded map.
import { countryName } from './map-core.js';

export function element(tag, className, text) {
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

  return { badges, listItem, popup };
}
