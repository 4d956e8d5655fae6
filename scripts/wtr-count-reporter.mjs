// SPDX-License-Identifier: MIT
// A @web/test-runner reporter that writes how many tests passed, failed and were skipped, per browser, so that
// `npm test` can print one summary line for Node and browsers together.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function walk(suite, counts) {
  if (!suite) return;
  for (const t of suite.tests ?? []) {
    if (t.skipped) counts.skipped++;
    else if (t.passed) counts.passed++;
    else {
      counts.failed++;
      counts.failures.push(`${suite.name ? suite.name + ' > ' : ''}${t.name}`);
    }
  }
  for (const s of suite.suites ?? []) walk({ ...s, name: [suite.name, s.name].filter(Boolean).join(' > ') }, counts);
}

export function countReporter({ outFile }) {
  return {
    onTestRunFinished({ sessions }) {
      const byBrowser = {};
      for (const session of sessions) {
        const raw = session.browser?.name ?? 'browser';
        const key = { Chrome: 'chromium', Firefox: 'firefox', MiniBrowser: 'webkit' }[raw] ?? raw;
        const counts = (byBrowser[key] ??= { passed: 0, failed: 0, skipped: 0, failures: [] });
        walk(session.testResults, counts);
        // A file that could not load or threw outside a test counts as one failure.
        const hasFailedTest = counts.failures.some((f) => f.startsWith(session.testFile));
        if (!session.passed && (session.errors?.length || session.logs === undefined) && !hasFailedTest) {
          const n = (session.testResults?.tests?.length ?? 0) + (session.testResults?.suites?.length ?? 0);
          if (session.errors?.length || n === 0) {
            counts.failed++;
            counts.failures.push(`${session.testFile}: ${session.errors?.[0]?.message ?? 'did not run'}`);
          }
        }
      }
      mkdirSync(dirname(outFile), { recursive: true });
      writeFileSync(outFile, JSON.stringify(byBrowser, null, 2));
    },
  };
}
