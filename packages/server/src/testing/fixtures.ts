// SPDX-License-Identifier: MIT
/**
 * Inputs for the server's tests, taken from the contract's own examples, so that they stay valid as it changes.
 *
 * @packageDocumentation
 */
import type { ComplaintDraft, Config, OutageInput } from '@kc/contract';
import { contractDocument } from '../contract-document.js';

type Schemas = Record<string, { examples?: unknown[] }>;
const schemas = (contractDocument as unknown as { components: { schemas: Schemas } }).components.schemas;

function example<T>(name: string): T {
  const value = schemas[name]?.examples?.[0];
  if (value === undefined) throw new Error(`the contract has no example of ${name}`);
  return structuredClone(value) as T;
}

/** The contract's example configuration: an akimat's contact center. */
export function exampleConfig(): Config {
  return example<Config>('Config');
}

/** A valid appeal, without attachments. */
export function exampleDraft(): ComplaintDraft {
  const draft = example<ComplaintDraft>('ComplaintDraft');
  delete (draft as { attachmentIds?: unknown }).attachmentIds;
  return draft;
}

/** A valid outage, active from now. */
export function exampleOutage(): OutageInput {
  return { ...example<OutageInput>('OutageInput'), startedAt: new Date().toISOString(), expectedResumeAt: null };
}
