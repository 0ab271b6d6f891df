// Status changes that take listings out of use (rejected, archived) ask first, in the listing editor and in the queue's
// bulk actions. The chosen option carries the question (data-confirm; "{0}" is the number of chosen rows). A confirmed
// dialog sets the form's hidden Confirmed field, so the server does not ask again; a dismissed one sends nothing.
// Without this script the server asks in a second step.
import { format } from './numbers.js';

export function askBeforeDestructive(form, select, countChosen) {
  const confirmed = form.querySelector('[data-confirmed]');
  if (!select || !confirmed) return;
  form.addEventListener('submit', (event) => {
    confirmed.value = 'false';
    const question = select.selectedOptions[0]?.dataset.confirm;
    const count = countChosen ? countChosen() : null;
    // Nothing chosen: the server says so, there is nothing to ask about.
    if (!question || count === 0) return;
    if (window.confirm(format(question, count))) confirmed.value = 'true';
    else event.preventDefault();
  });
}
