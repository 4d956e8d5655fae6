// SPDX-License-Identifier: MIT
// The checks of a new appeal (schema, IIN/BIN check digits, Kazakhstan phone), loaded in the background when the
// appeals module is first used, so that a page shows its form before it carries them.
import { isValidBin, isValidIin, normalizeKzPhone } from '@kc/contract';
import type { KcFieldError } from '../errors/errors.js';
import { ComplaintDraft } from '../validation/schemas/index.js';
import { checkInput } from '../validation/validate.js';
import type { KcComplaintDraft } from './complaints.js';

/**
 * @internal The body of `POST /complaints` for `draft`: the phone normalised to `+77XXXXXXXXX`, `channel: 'web'`.
 *
 * @throws {@link KcValidationError} listing every invalid field.
 */
export function prepare(draft: KcComplaintDraft): unknown {
  // The contract's generated type of `applicant` is `unknown` (an anyOf of `required` lists): read it as a record.
  const applicant = { ...(draft.applicant as Record<string, unknown>) };
  const extra: KcFieldError[] = [];
  const bad = (field: string, code: string, message: string) =>
    extra.push({ field: `/applicant/${field}`, code, message });
  if (typeof applicant.iin === 'string' && !isValidIin(applicant.iin))
    bad('iin', 'iin_checksum', 'The IIN check digit does not match.');
  if (typeof applicant.bin === 'string' && !isValidBin(applicant.bin))
    bad('bin', 'bin_checksum', 'The BIN check digit does not match.');
  if (typeof applicant.phone === 'string') {
    const phone = normalizeKzPhone(applicant.phone);
    if (phone) applicant.phone = phone;
    else bad('phone', 'kz_phone', 'Must be a Kazakhstan number.');
  }
  const body = { channel: 'web' as const, ...draft, applicant };
  checkInput(ComplaintDraft, body, extra);
  return body;
}
