// SPDX-License-Identifier: MIT
// Development setup of the chat example (served from the sources, as the other examples): the contact center runs in the browser on @kc/mock (with its scripted
// operator), the loader imports <kc-chat> from the TypeScript sources when the tag is on the page, and the buttons
// of the page stage the mock's scenarios. A real portal includes only the CDN loader and the tag.
import { startMockWorker } from '@kc/mock/browser';
import { installLoader } from '../../packages/widgets/src/loader/loader.js';

const mock = await startMockWorker({ startOpen: true, operator: { joinAfterMs: 5000, typingMs: 1500 } });
installLoader({ base: new URL('/packages/widgets/src/', location.origin) });

const status = document.querySelector<HTMLElement>('#scenario-status')!;
const scenarios: Record<string, () => Promise<unknown>> = {
  calm: () => mock.scenario.reset(),
  'long-queue': () => (mock.operator.pause(), mock.scenario.set({ longQueue: 12 })),
  closed: () => mock.scenario.set({ centerClosed: true }),
  outage: () => mock.scenario.set({ outage: true }),
  offline: () => mock.scenario.set({ networkFailure: { operations: ['sendChatMessage'] } }),
  drops: async () => {
    for (let i = 0; i < 20; i++) {
      mock.streams.dropAll();
      await new Promise((r) => setTimeout(r, 100));
    }
  },
};

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-scenario]')) {
  const name = button.dataset.scenario!;
  const run = async () => {
    if (name === 'calm') mock.operator.resume();
    await scenarios[name]?.();
    status.textContent = `Scenario: ${button.textContent?.trim() ?? name}`;
  };
  button.addEventListener('click', () => void run());
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
  button.addEventListener('click', () => {
    document.documentElement.lang = button.dataset.lang!;
    for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b === button));
  });
}
