// The import upload (/admin/cooperations/transfer): sends the file with a progress bar and shows the server's answer
// in place. Without this script the form posts normally.
import { format } from './numbers.js';

const form = document.getElementById('upload-form');
const progress = document.getElementById('upload-progress');
const result = document.getElementById('import-result');
const status = document.getElementById('import-progress');

// While the server imports (after the upload), ask every second how far it is: records, rate, share of the file, time left.
function watchImport(id) {
  status.hidden = false;
  status.textContent = form.dataset.importingText ?? '';
  const url = new URL(form.dataset.progressUrl, location.href);
  url.searchParams.set('id', id);
  let stopped = false;
  const poll = async () => {
    if (stopped) return;
    try {
      const answer = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (!stopped && answer.status === 200) {
        const p = await answer.json();
        status.textContent = format(form.dataset.progressText ?? '', p.records, p.perSecond, p.percent ?? '?', p.secondsLeft ?? '?');
      }
    } catch {
      // A failed poll only means no news this second.
    }
    if (!stopped) setTimeout(poll, 1000);
  };
  setTimeout(poll, 1000);
  return () => { stopped = true; status.hidden = true; };
}

// A refusal shown like the server's own list of problems.
function showError(text) {
  const box = Object.assign(document.createElement('div'), { className: 'error-summary', id: 'upload-error' });
  box.setAttribute('role', 'alert');
  box.append(Object.assign(document.createElement('p'), { textContent: text }));
  result.replaceChildren(box);
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  // A file over the server's limit is refused here at once, instead of after minutes of uploading.
  const file = form.elements.upload?.files?.[0];
  if (file && file.size > Number(form.dataset.maxBytes)) {
    showError(form.dataset.tooLargeText ?? '');
    return;
  }
  const request = new XMLHttpRequest();
  request.open('POST', form.action || location.href);
  request.responseType = 'document';
  progress.hidden = false;
  progress.value = 0;
  const id = form.elements.ImportId?.value;
  let stopWatching = () => {};
  request.upload.addEventListener('load', () => { if (id) stopWatching = watchImport(id); });
  request.upload.addEventListener('progress', (e) => {
    if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100);
  });
  request.addEventListener('load', () => {
    stopWatching();
    progress.value = 100;
    const answer = request.response?.getElementById('import-result');
    // Anything else is the site's error page (413, 503 …): its heading and first paragraph say what happened.
    const error = request.response?.querySelector('main h1');
    if (answer) result.replaceChildren(...answer.childNodes);
    else if (error) showError(`${error.textContent} – ${error.nextElementSibling?.textContent ?? ''}`);
    else showError(`${request.status} ${request.statusText}`);
    form.reset();
    // The next upload gets its own id, as a freshly drawn form would.
    const nextId = request.response?.querySelector('input[name="ImportId"]')?.value;
    if (nextId && form.elements.ImportId) form.elements.ImportId.value = nextId;
  });
  request.addEventListener('error', () => { stopWatching(); showError(form.dataset.failed ?? 'Upload failed'); });
  request.send(new FormData(form));
});
