// SPDX-License-Identifier: MIT
import { ElementStrings } from '../../../internal/element-strings.js';

/** A step of the complaint form. */
export type FormStep = 'kind' | 'description' | 'applicant' | 'consent' | 'review';

/** Why a field is not accepted; each has a sentence in every language. */
export type FormErrorCode =
  | 'kindRequired'
  | 'categoryRequired'
  | 'descriptionRequired'
  | 'descriptionTooLong'
  | 'subjectTooLong'
  | 'iinRequired'
  | 'iinInvalid'
  | 'binRequired'
  | 'binInvalid'
  | 'organisationRequired'
  | 'lastNameRequired'
  | 'firstNameRequired'
  | 'nameInvalid'
  | 'phoneRequired'
  | 'phoneInvalid'
  | 'emailRequired'
  | 'emailInvalid'
  | 'consentRequired'
  | 'uploadPending'
  | 'invalid';

/**
 * Every text of `<kc-complaint-form>` in one language. Terms follow the glossary (обращение / өтініш, ИИН / ЖСН,
 * согласие на сбор и обработку / жинауға және өңдеуге келісім…). Override some per instance with
 * `el.strings = { complaintForm: { submit: '…' } }`.
 */
export interface ComplaintFormStrings {
  /** `Шаг 2 из 5` */
  stepOf: (n: number, total: number) => string;
  steps: Record<FormStep, string>;
  kindLegend: string;
  categoryLabel: string;
  categoryChoose: string;
  procedure: string;
  subjectLabel: string;
  descriptionLabel: string;
  descriptionHint: string;
  /** The character count under the description: characters left (`n` ≥ 0) or over the limit. */
  /** Read with the field by screen readers: how much it takes (`Можно ввести до 10 000 символов`). */
  charactersLimit: (n: number) => string;
  charactersLeft: (n: number) => string;
  charactersOver: (n: number) => string;
  attachmentsLabel: string;
  /** `types` is a list (`PDF, JPEG`), `size` a formatted size (`10 МБ`). */
  attachmentsHint: (types: string, size: string, count: number) => string;
  uploading: (name: string) => string;
  uploaded: (name: string) => string;
  cancelUpload: string;
  uploadCancelled: (name: string) => string;
  removeFile: (name: string) => string;
  fileRemoved: (name: string) => string;
  fileType: (name: string, types: string) => string;
  fileSize: (name: string, size: string) => string;
  fileCount: (count: number) => string;
  fileTotal: (size: string) => string;
  uploadFailed: (name: string) => string;
  applicantLegend: string;
  person: string;
  organisation: string;
  iin: string;
  iinHint: string;
  bin: string;
  binHint: string;
  organisationName: string;
  lastName: string;
  firstName: string;
  middleName: string;
  phone: string;
  phoneHint: string;
  email: string;
  emailHint: string;
  preferredLanguage: string;
  preferredContact: string;
  /** Each language by its own name, as language pickers show them. */
  languages: Record<'kk' | 'ru' | 'en', string>;
  contacts: Record<'phone' | 'sms' | 'email', string>;
  consentIntro: string;
  consentOperator: string;
  consentData: string;
  consentPurpose: string;
  consentRetention: string;
  consentThirdParties: string;
  consentWithdrawal: string;
  consentFullText: string;
  /** `Контакт-центр, БИН 050340001236` */
  operatorWithBin: (name: string, bin: string) => string;
  reviewIntro: string;
  change: string;
  /** The accessible name of a "change" link: `Изменить: Описание`. */
  changeLabel: (what: string) => string;
  notGiven: string;
  none: string;
  consentGiven: string;
  continue: string;
  back: string;
  submit: string;
  submitting: string;
  sendNow: string;
  errorSummary: string;
  errors: Record<Exclude<FormErrorCode, 'descriptionTooLong' | 'nameInvalid'>, string> & {
    descriptionTooLong: (limit: string) => string;
    nameInvalid: (field: string) => string;
  };
  refused: string;
  queuedHeading: string;
  queued: string;
  /** Said when the browser lets nothing be saved on the device (no IndexedDB, storage full or blocked). */
  storageNotKept: string;
  queuedHeadingNotKept: string;
  queuedNotKept: string;
  /** Announced when a draft from an earlier visit is back in the form. */
  draftRestored: string;
  receiptHeading: string;
  trackingNumber: string;
  accessCode: string;
  accessCodeOnce: string;
  copy: string;
  copied: string;
  copyFailed: string;
  registeredAt: string;
  dueAt: string;
  responsible: string;
  nextSteps: string;
  nextStepsDefault: string;
  print: string;
  followStatus: string;
  newAppeal: string;
}

/** The strings of `<kc-complaint-form>`, one chunk per language. */
export const complaintFormStrings = new ElementStrings<ComplaintFormStrings>({
  kk: () => import('./kk.js'),
  ru: () => import('./ru.js'),
  en: () => import('./en.js'),
});
