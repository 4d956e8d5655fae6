// SPDX-License-Identifier: MIT
// <kc-callback> and <kc-rating> against the mock contact center (msw in this page). Under `npm start` open
// /examples/callback-rating/. The elements are imported after the mock has started, so that their first requests
// already reach it. The demo buttons play the mock's scenarios.
import { startMockWorker } from '@kc/mock/browser';

const mock = await startMockWorker({ operator: false });

await Promise.all([
  import('../../packages/widgets/src/kc-provider.js'),
  import('../../packages/widgets/src/kc-callback.js'),
  import('../../packages/widgets/src/kc-rating.js'),
]);

// A call reference as the phone system would send it by SMS, different on every visit.
const rating = document.querySelector('kc-rating')!;
rating.subjectId = `CALL-${new Date().getFullYear()}-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;

// After a low score the citizen may choose to complain: a portal opens <kc-complaint-form> with what is known.
const note = document.getElementById('complaint-note')!;
rating.addEventListener('kc-complaint-requested', () => {
  note.textContent = 'The portal would now open <kc-complaint-form>, pre-filled with the comment and phone.';
});

// The page's own language switch: kc widgets follow <html lang> at run time, keeping what was typed.
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
  button.addEventListener('click', () => {
    document.documentElement.lang = button.dataset.lang!;
    for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b === button));
  });
}

/** A toggle button of the demo: `on` and `off` change the mock's scenario. */
function toggle(id: string, on: () => Promise<unknown>, off: () => Promise<unknown>): void {
  const button = document.getElementById(id)!;
  button.addEventListener('click', () => {
    const pressed = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(pressed));
    void (pressed ? on() : off());
  });
}

toggle(
  'network',
  () => mock.scenario.set({ networkFailure: true }),
  () => mock.scenario.set({ networkFailure: false }),
);
toggle(
  'closed',
  () => mock.scenario.set({ centerClosed: true }),
  () => mock.scenario.set({ centerClosed: false }),
);
toggle(
  'queue',
  () => mock.scenario.set({ longQueue: 12 }),
  () => mock.scenario.set({ longQueue: 0 }),
);
