// The page's address as scripts change it (filters set with JavaScript): the language switch follows, so switching
// language keeps the page and its current filter state however it was set.

const PREFIX = /^\/(de|en)(?=\/|$)/;

/** Points every language-switch link at the current path and query under its own language prefix. */
export function updateLanguageLinks() {
  const path = window.location.pathname.replace(PREFIX, '') || '/';
  for (const link of document.querySelectorAll('.language-switch a[hreflang]')) {
    link.href = `/${link.getAttribute('hreflang')}${path}${window.location.search}${window.location.hash}`;
  }
}

/** history.pushState or replaceState, then the language links. */
export function setAddress(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  updateLanguageLinks();
}

window.addEventListener('popstate', updateLanguageLinks);
