// SPDX-License-Identifier: MIT
// DOM helpers for widget tests that need no timers: parallel test files run in background tabs, where browsers
// throttle timers to once a second and never fire animation frames.
import { render, type TemplateResult } from 'lit';

interface Updating {
  updateComplete: Promise<unknown>;
}

const containers = new Set<HTMLElement>();

/** Renders `template` into a fresh container in the document and returns its first element. */
export function mount<E extends Element = HTMLElement>(template: TemplateResult): E {
  const container = document.createElement('div');
  document.body.append(container);
  containers.add(container);
  render(template, container);
  return container.firstElementChild as E;
}

/** Removes everything `mount` added. */
export function unmountAll(): void {
  for (const c of containers) c.remove();
  containers.clear();
}

/** Waits until `predicate` holds, letting `el` update in between. */
export async function until(el: Updating, predicate: () => boolean, what = 'the condition'): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (predicate()) return;
    await el.updateComplete;
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    if (i > 100) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`[test] timed out waiting for ${what}`);
}

/** Lets `el` finish the updates its pending work causes (a watch's first list, a task's completion, a re-render). */
export async function settle(el: Updating): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await el.updateComplete;
    await new Promise<void>((resolve) => queueMicrotask(resolve));
  }
}
