// SPDX-License-Identifier: MIT
/**
 * `@kc/mock`: the kc contact center in memory — the `@kc/backend` rules on a `MemoryStore` — behind msw handlers for
 * every operation of the contract, with a scripted operator, fault scenarios, a controllable clock and counters.
 * This entry is runtime-neutral; start the mock with `startMockWorker` from `@kc/mock/browser` or
 * `startMockServer` from `@kc/mock/node`.
 *
 * @packageDocumentation
 */
export { createMockContactCenter } from './mock.js';
export type { MockContactCenter, MockContactCenterOptions, MockOperatorToken, ScenarioControls } from './mock.js';
export { createMockClock, toEpochMs } from './clock.js';
export type { MockClock, MockClockOptions, MockTimerId, TimeInput } from './clock.js';
export { createSeededRandom } from './random.js';
export type { SeededRandom } from './random.js';
export { calmScenario } from './scenario.js';
export type { FailureRate, Fault, FaultTarget, MalformedKind, Scenario } from './scenario.js';
export type { MockStats } from './stats.js';
export type { StreamRegistry, WireEvent } from './sse.js';
export { defaultScript } from './operator.js';
export type { ScriptedOperator, ScriptedOperatorOptions } from './operator.js';
export { encodeIdentityToken, decodeIdentityToken } from './identity.js';
export type { IdentityClaims } from './identity.js';
export { UNKNOWN_ENUM_VALUE } from './malformed.js';
export {
  createContractValidator,
  DOCUMENT_ID,
  operationInfoById,
  operationInfos,
  pointer,
  sharedContractValidator,
} from './contract.js';
export type {
  ContractValidator,
  JsonSchema,
  OperationInfo,
  ParameterInfo,
  ParameterLocation,
  ResponseInfo,
  ValidationIssue,
} from './contract.js';
