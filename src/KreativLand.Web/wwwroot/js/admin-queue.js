// The dashboard's queue (/admin): rejecting or archiving the chosen listings asks first.
import { askBeforeDestructive } from './status-confirm.js';

const form = document.getElementById('bulk-form');
if (form) askBeforeDestructive(form, form.querySelector('#BulkAction'), () => form.querySelectorAll('input[name="Selected"]:checked').length);
