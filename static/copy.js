// "Copy link": the only script of the portal, and optional: without it the link is in a
// read-only field to select and copy by hand.
'use strict';
for (const button of document.querySelectorAll('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const field = document.getElementById(button.dataset.copy);
    const status = document.getElementById(button.dataset.status);
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      if (status) status.textContent = button.dataset.done;
    } catch (e) {
      // Selected: the person copies it with the keyboard or the menu.
    }
  });
}
