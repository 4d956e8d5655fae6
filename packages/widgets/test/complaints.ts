// SPDX-License-Identifier: MIT
// Helpers of the complaint widgets' tests: the mock contact center in the page (msw) and SDK clients over it, each
// with its own IndexedDB database so that tests do not see each other's outbox and drafts.
import { startMockWorker, type MockWorker } from '@kc/mock/browser';
import { createCore, type KcCore } from '@kc/sdk';
import type { KcElement } from '../src/internal/kc-element.js';

/** Starts the mock once per test file (one msw worker per page). */
export async function mockCenter(): Promise<MockWorker> {
  return startMockWorker({ operator: false, seed: 7 });
}

/** A new database name; pass it to {@link clientOver} twice to play a reload. */
export const freshDatabase = () => `kc-test-${Math.random().toString(36).slice(2)}`;

/** An SDK client core over the mock, with fast outbox retries. */
export function clientOver(databaseName = freshDatabase()): KcCore {
  return createCore({
    baseUrl: '/api/v1',
    databaseName,
    outbox: { baseDelay: 50, maxDelay: 200 },
    retry: { limit: 0 },
  });
}

/** Whether an IndexedDB database of this name exists. */
export async function databaseExists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((d) => d.name === name);
}

/** Lets pending tasks and the element's updates run. */
export async function settle(el: KcElement, rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
  }
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
export const textOf = (el: Element) => el.shadowRoot!.textContent.replace(/\s+/g, ' ').trim();

/** The deepest focused element, across shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Types into a field as a user would (an `input` event per value). */
export function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Answers an operator's call of the mock's operator API (the mock's own operator token). */
export async function operatorCall<T>(mock: MockWorker, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v1/operator/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${mock.tokens.supervisor}`,
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`[test] operator ${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The payloads that must stay text wherever they are shown. */
export const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
];

/** A field of a widget's shadow root by its id. */
export const field = <T extends HTMLElement = HTMLInputElement>(el: Element, id: string) =>
  $<T & Element>(el, `#${id}`)!;

/** Presses `<kc-complaint-form>`'s "continue" and lets the next step render. */
export async function nextStep(el: KcElement): Promise<void> {
  $<HTMLButtonElement>(el, '[part~="continue-button"]')!.click();
  await settle(el, 2);
}

/**
 * Fills every step of `<kc-complaint-form>` with valid answers, as a citizen would, and stops on the review (its
 * submit button). `afterDescription` runs while the description step is still shown (a draft is saved when typing
 * pauses); `consent: false` leaves the consent unticked.
 */
export async function fillAppeal(
  el: KcElement,
  options: {
    description?: string;
    iin?: string;
    lastName?: string;
    firstName?: string;
    phone?: string;
    consent?: boolean;
    afterDescription?: () => Promise<void>;
  } = {},
): Promise<void> {
  field(el, 'kind').click();
  const select = field<HTMLSelectElement>(el, 'categoryId');
  select.value = 'social.pensions';
  select.dispatchEvent(new Event('change'));
  await settle(el, 1);
  await nextStep(el);
  type(field(el, 'description'), options.description ?? 'Пенсия не назначена уже два месяца.');
  await options.afterDescription?.();
  await nextStep(el);
  type(field(el, 'iin'), options.iin ?? '850715401236');
  type(field(el, 'lastName'), options.lastName ?? 'Сейтқали');
  type(field(el, 'firstName'), options.firstName ?? 'Әйгерім');
  type(field(el, 'phone'), options.phone ?? '8 (701) 123-45-67');
  await settle(el, 1);
  await nextStep(el);
  if (options.consent !== false) {
    field(el, 'consent').click();
    await settle(el, 1);
  }
  await nextStep(el);
}
