// The editor's image rows: a chosen file is uploaded at once (the server checks it by its content, re-encodes it and
// answers its site path), the row's address field takes the path, and the row shows the thumbnail. Without this script
// the rows still take web addresses and uploaded paths; the file field only appears with it.

const thumbnailOf = (url) => (/^\/media\/[0-9a-f]{32}(-800|-thumb)?\.webp$/.test(url) ? url.replace(/(-800|-thumb)?\.webp$/, '-thumb.webp') : null);

export function setUpImageRows(form) {
    const group = form.querySelector('[data-rows="images"][data-upload-url]');
    if (!group) return;
    const enhance = (row) => {
        const upload = row.querySelector('[data-image-upload]');
        if (upload) upload.hidden = false;
    };
    group.querySelectorAll('[data-image-row]').forEach(enhance);
    // Rows added later (the "add" button) come from a template: enhanced when they appear.
    new MutationObserver((changes) => {
        for (const change of changes) {
            change.addedNodes.forEach((node) => { if (node instanceof Element && node.matches('[data-image-row]')) enhance(node); });
        }
    }).observe(group, { childList: true });

    group.addEventListener('change', (event) => {
        if (event.target.matches('[data-image-file]')) upload(form, group, event.target);
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
}

async function upload(form, group, input) {
    const row = input.closest('[data-image-row]');
    const status = row.querySelector('[data-image-status]');
    const file = input.files[0];
    if (!file) return;
    const body = new FormData();
    body.append('file', file);
    body.append('__RequestVerificationToken', form.querySelector('input[name="__RequestVerificationToken"]').value);
    status.textContent = group.dataset.uploading;
    status.classList.remove('error');
    input.disabled = true;
    try {
        const response = await fetch(group.dataset.uploadUrl, { method: 'POST', body, headers: { Accept: 'application/json' } });
        const answer = response.headers.get('Content-Type')?.includes('json') ? await response.json() : {};
        if (!response.ok || !answer.url) throw new Error(answer.error ?? group.dataset.uploadFailed);
        const url = row.querySelector('[data-image-url]');
        url.value = answer.url;
        showThumbnail(row, answer.url);
        status.textContent = group.dataset.uploaded;
        // The form changed: the unsaved-changes warning and the checklist hear of it.
        form.dispatchEvent(new Event('input'));
    } catch (error) {
        status.textContent = error.message || group.dataset.uploadFailed;
        status.classList.add('error');
    } finally {
        input.value = '';
        input.disabled = false;
    }
}
