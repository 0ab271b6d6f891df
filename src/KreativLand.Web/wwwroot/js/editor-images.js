// The editor's image rows: a chosen file is uploaded at once (the server checks it by its content, re-encodes it and
// answers its site path), the row's address field takes the path, and the row shows the thumbnail. A picture given by
// web address can be copied to the site the same way (the site's CSP shows only its own images). Without this script
// the rows still take web addresses and uploaded paths; the file field and the copy button only appear with it.

const sitePath = /^\/media\/[0-9a-f]{32}(-800|-thumb)?\.webp$/;
const thumbnailOf = (url) => (sitePath.test(url) ? url.replace(/(-800|-thumb)?\.webp$/, '-thumb.webp') : null);
const isWebAddress = (url) => /^https?:\/\/\S+$/i.test(url);

export function setUpImageRows(form) {
  const group = form.querySelector('[data-rows="images"][data-upload-url]');
  if (!group) return;
  const enhance = (row) => {
    const upload = row.querySelector('[data-image-upload]');
    if (upload) upload.hidden = false;
    const url = row.querySelector('[data-image-url]');
    if (url) showThumbnail(row, url.value.trim());
  };
  group.querySelectorAll('[data-image-row]').forEach(enhance);
  // Rows added later (the "add" button) come from a template: enhanced when they appear.
  new MutationObserver((changes) => {
    for (const change of changes) {
      change.addedNodes.forEach((node) => { if (node instanceof Element && node.matches('[data-image-row]')) enhance(node); });
    }
  }).observe(group, { childList: true });

  group.addEventListener('change', (event) => {
    if (!event.target.matches('[data-image-file]')) return;
    const input = event.target;
    const file = input.files[0];
    if (!file) return;
    const body = new FormData();
    body.append('file', file);
    send(form, group, input.closest('[data-image-row]'), group.dataset.uploadUrl, body, input, group.dataset.uploading, group.dataset.uploaded)
      .finally(() => { input.value = ''; });
  });
  group.addEventListener('click', (event) => {
    const button = event.target.closest('[data-image-copy]');
    if (!button) return;
    const row = button.closest('[data-image-row]');
    const body = new FormData();
    body.append('address', row.querySelector('[data-image-url]').value.trim());
    send(form, group, row, group.dataset.copyUrl, body, button, group.dataset.copying, group.dataset.copied);
  });
  group.addEventListener('input', (event) => {
    if (event.target.matches('[data-image-url]')) showThumbnail(event.target.closest('[data-image-row]'), event.target.value.trim());
  });
}

function showThumbnail(row, url) {
  const thumbnail = thumbnailOf(url);
  const image = row.querySelector('[data-image-thumbnail]');
  if (thumbnail) image.src = thumbnail;
  else image.removeAttribute('src');
  image.hidden = !thumbnail;
  row.querySelector('[data-image-external]').hidden = !!thumbnail || url === '';
  row.querySelector('[data-image-copy]').hidden = !isWebAddress(url);
}

// Sends a file or an address; the answer's site path goes into the row, a refusal is shown beside the field.
async function send(form, group, row, url, body, control, busyText, doneText) {
  const status = row.querySelector('[data-image-status]');
  body.append('__RequestVerificationToken', form.querySelector('input[name="__RequestVerificationToken"]').value);
  status.textContent = busyText;
  status.classList.remove('error');
  control.disabled = true;
  try {
    const response = await fetch(url, { method: 'POST', body, headers: { Accept: 'application/json' } });
    const answer = response.headers.get('Content-Type')?.includes('json') ? await response.json() : {};
    if (!response.ok || !answer.url) throw new Error(answer.error ?? group.dataset.uploadFailed);
    row.querySelector('[data-image-url]').value = answer.url;
    showThumbnail(row, answer.url);
    status.textContent = doneText;
    // The form changed: the unsaved-changes warning and the checklist hear of it.
    form.dispatchEvent(new Event('input'));
  } catch (error) {
    status.textContent = error.message || group.dataset.uploadFailed;
    status.classList.add('error');
  } finally {
    control.disabled = false;
  }
}
