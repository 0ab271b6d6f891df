/*
 * KreativLand map widget for partner websites.
 *
 *   <script src="https://KREATIVLAND-HOST/embed.js" data-subsector="design" data-country="DE" async></script>
 * or one or more placeholders plus the script once:
 *   <div data-kreativland-map data-region="tirol" data-lang="en"></div>
 *   <script src="https://KREATIVLAND-HOST/embed.js" async></script>
 *
 * It inserts an iframe with /embed/map and keeps its height matched to the content through postMessage.
 * It makes no other request: everything else is loaded inside the iframe, from KreativLand only.
 */
(function () {
  'use strict';
  var script = document.currentScript || document.querySelector('script[src$="/embed.js"]');
  if (!script || !window.URL || !window.URLSearchParams) return;
  // Messages are accepted from this origin only: the one the widget itself was loaded from.
  var origin = new URL(script.src, window.location.href).origin;
  var parameters = ['subsector', 'country', 'state', 'region', 'regionValue', 'partnerValue', 'contact', 'duration', 'q', 'bbox', 'near', 'radiusKm',
    'lang', 'center', 'zoom', 'list', 'legend', 'height'];
  var frames = {};
  var counter = 0;

  function hasSettings(element) {
    for (var i = 0; i < parameters.length; i++) if (element.dataset[parameters[i]]) return true;
    return false;
  }

  function insert(host, source) {
    if (host.getAttribute('data-kreativland-ready')) return;
    host.setAttribute('data-kreativland-ready', 'true');
    var query = new URLSearchParams();
    for (var i = 0; i < parameters.length; i++) {
      var value = source.dataset[parameters[i]];
      if (value) query.set(parameters[i], value);
    }
    var id = 'kl' + Date.now().toString(36) + (counter++);
    query.set('parentOrigin', window.location.origin);
    query.set('widget', id);
    var iframe = document.createElement('iframe');
    iframe.src = origin + '/embed/map?' + query.toString();
    iframe.title = source.dataset.title || 'KreativLand';
    iframe.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    iframe.setAttribute('data-kreativland-widget', id);
    iframe.style.display = 'block';
    // A bare number is pixels, as in the iframe's width attribute ("600" → 600px).
    var width = source.dataset.width || '100%';
    iframe.style.width = /^\d+$/.test(width) ? width + 'px' : width;
    iframe.style.maxWidth = '100%';
    iframe.style.border = '0';
    iframe.style.height = ((Number(source.dataset.height) || 400) + 40) + 'px';
    host.appendChild(iframe);
    frames[id] = iframe;
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== 'kreativland:height' || typeof data.widget !== 'string') return;
    var iframe = frames[data.widget];
    if (!iframe || event.source !== iframe.contentWindow) return;
    var height = Number(data.height);
    if (height > 0 && height < 20000) iframe.style.height = Math.ceil(height) + 'px';
  });

  function start() {
    var placeholders = document.querySelectorAll('[data-kreativland-map]');
    for (var i = 0; i < placeholders.length; i++) insert(placeholders[i], placeholders[i]);
    // A script with its own settings (or with no placeholder on the page) gets its map right after itself.
    if (!script.getAttribute('data-kreativland-ready') && (hasSettings(script) || placeholders.length === 0)) {
      var host = document.createElement('div');
      host.className = 'kreativland-map';
      script.parentNode.insertBefore(host, script.nextSibling);
      insert(host, script);
      script.setAttribute('data-kreativland-ready', 'true');
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
