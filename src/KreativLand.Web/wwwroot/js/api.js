// The pages' reads of the public API (/api/v1, /ogc): JSON in the page's language (lang=, one rule for every request), and
// an error for any status but 2xx, so a caller's catch handles a refused request and a lost connection alike.

/**
 * GET settings.api + path with the parameters (URLSearchParams, pairs or an object) and lang=settings.lang; resolves to the
 * parsed JSON. settings: map-core's settingsOf (api, lang) or { api, lang } on a page without a map.
 */
export async function fetchJson(settings, path, parameters = {}, { accept = 'application/json' } = {}) {
  const query = new URLSearchParams(parameters);
  query.set('lang', settings.lang);
  const response = await fetch(`${settings.api}${path}?${query}`, { headers: { Accept: accept } });
  if (!response.ok) throw new Error(`${response.status} ${path}`);
  return response.json();
}
