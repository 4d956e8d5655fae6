// SPDX-License-Identifier: MIT
// The portal's own language switch: kc widgets follow <html lang> at run time.
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    document.documentElement.lang = button.dataset.lang;
    for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b === button));
  });
}
