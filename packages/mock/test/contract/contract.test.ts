// SPDX-License-Identifier: MIT
// The contract suite against the mock in a browser page (msw's service worker), in Chromium and Firefox.
import { startMockWorker, type MockWorker } from '@kc/mock/browser';
import { runContractSuite } from './suite.js';

let mock: MockWorker;

runContractSuite({
  name: 'the mock in a browser',
  baseUrl: '/api/v1',
  operatorToken: () => mock.tokens.operator,
  supervisorToken: () => mock.tokens.supervisor,
  identityToken: () => mock.identityToken({ sub: 'egov-contract-suite', name: 'Әйгерім Сейтқали' }),
  before: async () => {
    mock = await startMockWorker({
      // A Monday morning inside working hours; time stands still unless a test moves it.
      clock: { start: '2026-11-23T10:00:00+05:00', realtime: false },
      operator: false,
    });
  },
  // The clock's advance runs the backend's periodic work that falls due, the sweep of silent chats included.
  silence: (seconds) => mock.clock.advance(seconds * 1000),
  after: () => mock.stop(),
});
