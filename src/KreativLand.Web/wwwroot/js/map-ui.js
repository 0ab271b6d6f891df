// What a visitor does with a map, shared by the home explorer and the embedded map: popups that open in view without
// moving the page, arrow keys between markers, focus back on the marker when its popup closes, and a fullscreen switch.
// How markers get onto the map (data, clustering) is map-core.js's and the pages' business, not this module's.
import { prefersReducedMotion } from './map-core.js';

const L = window.L;
const MARGIN = 12;

/**
 * After a popup opens, pans the map (never the page) until the popup lies inside the part of the map that is on screen.
 * Leaflet's own autoPan only keeps it inside the map element, which may reach above or below the viewport.
 */
export function keepPopupsInView(map) {
  const check = (popup) => {
    const container = popup.getElement();
    if (!container) return;
    requestAnimationFrame(() => {
      if (!popup.isOpen()) return;
      const box = container.getBoundingClientRect();
      const frame = map.getContainer().getBoundingClientRect();
      const top = Math.max(frame.top, 0) + MARGIN;
      const bottom = Math.min(frame.bottom, window.innerHeight) - MARGIN;
      const left = Math.max(frame.left, 0) + MARGIN;
      const right = Math.min(frame.right, window.innerWidth) - MARGIN;
      let dx = 0;
      let dy = 0;
      if (box.top < top) dy = box.top - top;
      else if (box.bottom > bottom) dy = Math.min(box.bottom - bottom, box.top - top);
      if (box.left < left) dx = box.left - left;
      else if (box.right > right) dx = Math.min(box.right - right, box.left - left);
      if (dx !== 0 || dy !== 0) map.panBy([dx, dy], { animate: !prefersReducedMotion() });
    });
  };
  map.on('popupopen', (event) => {
    const popup = event.popup;
    check(popup);
    // A popup whose details arrive later grows: check again then.
    if (!popup.klInView) {
      popup.klInView = true;
      popup.on('contentupdate', () => check(popup));
    }
  });
}

/** The marker and cluster icons on screen that a keyboard user can move between. */
function icons(map) {
  const frame = map.getContainer().getBoundingClientRect();
  return [...map.getPane('markerPane').querySelectorAll('.leaflet-marker-icon')].filter((icon) => {
    const box = icon.getBoundingClientRect();
    return box.width > 0 && box.right > frame.left && box.left < frame.right && box.bottom > frame.top && box.top < frame.bottom;
  });
}

const DIRECTIONS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

/** The nearest icon in the direction of the arrow, preferring ones straight ahead over ones off to the side. */
function next(from, candidates, [dx, dy]) {
  const centre = (element) => {
    const box = element.getBoundingClientRect();
    return [box.left + box.width / 2, box.top + box.height / 2];
  };
  const [x, y] = centre(from);
  let best = null;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    if (candidate === from) continue;
    const [cx, cy] = centre(candidate);
    const ahead = (cx - x) * dx + (cy - y) * dy;
    if (ahead <= 0) continue;
    const aside = Math.abs((cx - x) * dy) + Math.abs((cy - y) * dx);
    const score = ahead + 2 * aside;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Keyboard: Tab reaches the markers and clusters (both are keyboard markers); the arrow keys move between them by their
 * place on the map; Enter opens a marker's popup or zooms into a cluster (Leaflet's click); Escape closes a popup; when a
 * popup closes, focus returns to its marker.
 */
export function enableMarkerKeyboard(map) {
  const pane = map.getPane('markerPane');
  pane.addEventListener('keydown', (event) => {
    const icon = event.target.closest?.('.leaflet-marker-icon');
    if (!icon) return;
    if (DIRECTIONS[event.key]) {
      event.preventDefault();
      event.stopPropagation();
      const target = next(icon, icons(map), DIRECTIONS[event.key]);
      target?.focus({ preventScroll: true });
    } else if (event.key === 'Escape') {
      map.closePopup();
    }
  });

  map.on('popupclose', (event) => {
    const source = event.popup._source;
    const element = source?.getElement?.();
    const active = document.activeElement;
    const popupElement = event.popup.getElement();
    // Only when focus was in the popup or got lost with it: a click elsewhere keeps its own focus.
    if (element && element.isConnected && (!active || active === document.body || popupElement?.contains(active))) {
      element.focus({ preventScroll: true });
    }
  });
  // Once for every popup (Leaflet reuses a popup's element, so a listener per opening would pile up).
  map.getPane('popupPane').addEventListener('keydown', (key) => {
    if (key.key === 'Escape') map.closePopup();
  });
}

/**
 * A fullscreen switch in the map's corner: the browser's fullscreen where it has one, else the map fills the window
 * (phones without element fullscreen). Escape leaves either.
 */
export function addFullscreenControl(map, target, labels) {
  const Control = L.Control.extend({
    options: { position: 'topleft' },
    onAdd() {
      const bar = L.DomUtil.create('div', 'leaflet-bar kl-fullscreen');
      const button = L.DomUtil.create('button', 'kl-fullscreen-button', bar);
      button.type = 'button';
      button.setAttribute('aria-pressed', 'false');
      const set = (on) => {
        target.classList.toggle('is-fullscreen', on);
        document.documentElement.classList.toggle('has-fullscreen-map', on);
        button.setAttribute('aria-pressed', String(on));
        button.title = on ? labels.labelFullscreenExit : labels.labelFullscreen;
        button.setAttribute('aria-label', button.title);
        target.dataset.fullscreen = on ? 'on' : 'off';
        map.invalidateSize();
      };
      set(false);
      L.DomEvent.disableClickPropagation(bar);
      button.addEventListener('click', async () => {
        const on = target.dataset.fullscreen !== 'on';
        if (on && target.requestFullscreen && document.fullscreenEnabled) {
          try { await target.requestFullscreen(); } catch { /* the class below still fills the window */ }
        } else if (!on && document.fullscreenElement) {
          try { await document.exitFullscreen(); } catch { /* ignore */ }
        }
        set(on);
        button.focus({ preventScroll: true });
      });
      document.addEventListener('fullscreenchange', () => {
        if (!document.fullscreenElement && target.dataset.fullscreen === 'on') set(false);
      });
      document.addEventListener('keydown', (event) => {
        if (event.key === 'Escape' && target.dataset.fullscreen === 'on' && !document.fullscreenElement && !map.getContainer().querySelector('.leaflet-popup')) set(false);
      });
      return bar;
    },
  });
  map.addControl(new Control());
}
