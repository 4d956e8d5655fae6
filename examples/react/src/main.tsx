// SPDX-License-Identifier: MIT
// kc in a React 19 application: the elements are registered by importing their modules, then used in JSX with
// typed props, refs and events (the typings are in kc-elements.d.ts, which the TypeScript project includes). The
// page talks to the contact center at /api/v1 (the reference server, which also serves the page).
import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@kc/widgets/kc-provider.js';
import '@kc/widgets/kc-outage-banner.js';
import '@kc/widgets/kc-complaint-form.js';
import '@kc/widgets/kc-complaint-status.js';
import '@kc/widgets/kc-callback.js';
import '@kc/widgets/kc-chat.js';
import type { KcComplaintStatus, KcErrorEvent, KcFollowStatusEvent, KcSubmittedEvent } from '@kc/widgets';

function App() {
  const status = useRef<KcComplaintStatus>(null);
  const [registered, setRegistered] = useState<string>();
  const [chatOpen, setChatOpen] = useState(false);

  const onSubmitted = (event: KcSubmittedEvent) => setRegistered(event.detail.trackingNumber);
  // The access code goes from the form to the status view in memory: never into a URL or the console.
  const onFollow = (event: KcFollowStatusEvent) => {
    event.preventDefault();
    status.current?.follow(event.detail.trackingNumber, event.detail.accessCode);
    status.current?.scrollIntoView();
  };
  // What failed, for the portal's own monitoring: the operation's name only, never the error's details.
  const onError = (event: KcErrorEvent) => console.warn(`kc: ${event.detail.operation} failed`);

  return (
    <kc-provider baseUrl="/api/v1" onkc-error={onError}>
      <kc-outage-banner headingLevel={2} />
      <main id="main">
        <h1>Contact center</h1>
        <p className="state" data-registered={registered ?? ''} data-chat-open={String(chatOpen)}>
          {registered ? `Your appeal ${registered} is registered.` : 'File an appeal or follow one.'}
        </p>
        <section aria-labelledby="complaint-h">
          <h2 id="complaint-h">File an appeal</h2>
          <kc-complaint-form headingLevel={3} onkc-submitted={onSubmitted} onkc-follow-status={onFollow} />
        </section>
        <section aria-labelledby="status-h">
          <h2 id="status-h">Appeal status</h2>
          <kc-complaint-status ref={status} headingLevel={3} />
        </section>
        <section aria-labelledby="callback-h">
          <h2 id="callback-h">Callback</h2>
          <kc-callback headingLevel={3} />
        </section>
      </main>
      <kc-chat position="bottom-end" onkc-chat-toggle={(event) => setChatOpen(event.detail.open)} />
    </kc-provider>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
