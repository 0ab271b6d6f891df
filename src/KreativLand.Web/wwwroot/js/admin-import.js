// The import upload (/admin/cooperations/transfer): sends the file with a progress bar and shows the server's answer
// in place. Without this script the form posts normally.
const form = document.getElementById('upload-form');
const progress = document.getElementById('upload-progress');
const result = document.getElementById('import-result');

form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action || location.href);
    request.responseType = 'document';
    progress.hidden = false;
    progress.value = 0;
    request.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100);
    });
    request.addEventListener('load', () => {
        progress.value = 100;
        const answer = request.response?.getElementById('import-result');
        if (answer) result.replaceChildren(...answer.childNodes);
        else result.textContent = `${request.status} ${request.statusText}`;
        form.reset();
    });
    request.addEventListener('error', () => { result.textContent = form.dataset.failed ?? 'Upload failed'; });
    request.send(new FormData(form));
});
