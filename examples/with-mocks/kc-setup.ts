// SPDX-License-Identifier: MIT
// The example portal with no backend at all (`npm run start:mock`): the contact center runs in the browser on
// @kc/mock, and the loader imports each widget from the TypeScript sources when its tag is on the page. A real
// portal includes only the CDN loader: <script type="module" src="https://…/kc.js"></script>.
import { startMockWorker } from '@kc/mock/browser';
import { installLoader } from '../../packages/widgets/src/loader/loader.js';

// The demo center opens at its next working morning when the page is opened at night or on a weekend.
await startMockWorker({ startOpen: true, operator: { joinAfterMs: 4000 } });
installLoader({ base: new URL('/packages/widgets/src/', location.origin) });
