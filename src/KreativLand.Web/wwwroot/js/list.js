// List page: the filter form is a plain GET form; choosing an option submits it at once.
const form = document.getElementById('filter-form');
if (form) {
  form.addEventListener('change', (event) => {
    if (event.target.name === 'q') return;
    form.requestSubmit();
  });
}
