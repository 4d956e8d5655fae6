// SPDX-License-Identifier: MIT
// The complaint and outage widgets against the mock contact center (msw in this page). Under `npm start` open
// /examples/complaints/. The elements are imported after the mock has started, so that their first requests
// already reach it. The demo buttons play faults through the mock's scenario.
import { startMockWorker } from '@kc/mock/browser';

const mock = await startMockWorker({ operator: false });

await Promise.all([
  import('../../packages/widgets/src/kc-provider.js'),
  import('../../packages/widgets/src/kc-outage-banner.js'),
  import('../../packages/widgets/src/kc-complaint-form.js'),
  import('../../packages/widgets/src/kc-complaint-status.js'),
]);

// The receipt's "follow the status" hands the number and the code to the status element, in memory only.
const status = document.querySelector('kc-complaint-status')!;
document.querySelector('kc-complaint-form')!.addEventListener('kc-follow-status', ({ detail }) => {
  status.follow(detail.trackingNumber, detail.accessCode);
  status.scrollIntoView({ block: 'start' });
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
  'outage',
  () => mock.scenario.set({ outage: true }),
  () => mock.scenario.set({ outage: false }),
);
