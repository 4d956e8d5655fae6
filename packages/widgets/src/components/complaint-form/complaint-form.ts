// SPDX-License-Identifier: MIT
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  complaints,
  isKcValidationError,
  isValidBin,
  isValidIin,
  normalizeDigits,
  normalizeKzPhone,
  type KcComplaintDraft,
  type KcComplaintReceipt,
  type KcStoredComplaintReceipt,
  type LocalizedText,
} from '@kc/sdk';
import { KcElement } from '../../internal/kc-element.js';
import { give, type Config, type WidgetClient } from '../../internal/client.js';
import { describeError, isAbort } from '../../internal/errors.js';
import { resolveLocale } from '../../internal/locale.js';
import { CustomStates } from '../../internal/custom-states.js';
import { safeHref } from '../../internal/url.js';
import type { StringsOverride } from '../../translations/translation.js';
import { KcSubmitEvent } from '../../events/kc-submit.js';
import { KcSubmittedEvent } from '../../events/kc-submitted.js';
import { KcSubmitErrorEvent } from '../../events/kc-submit-error.js';
import { KcFollowStatusEvent } from '../../events/kc-follow-status.js';
import { tokenStyles } from '../../styles/tokens.js';
import { baseStyles } from '../../styles/base.js';
import styles from './complaint-form.styles.js';
import { complaintFormStrings, type ComplaintFormStrings, type FormErrorCode, type FormStep } from './strings/index.js';

/** The longest description the contract accepts. */
const DESCRIPTION_MAX = 10_000;
const SUBJECT_MAX = 200;
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const STEPS: readonly FormStep[] = ['kind', 'description', 'applicant', 'consent', 'review'];
/** How long typing must pause before the character count is announced (GOV.UK waits 1 s too). */
const COUNT_PAUSE_MS = 1000;
const SAVE_PAUSE_MS = 800;

/**
 * Whether the client's storage may hold anything, without creating its IndexedDB database (the SDK's drafts check
 * this themselves; its outbox reads do not).
 */
async function mayHoldData(client: WidgetClient): Promise<boolean> {
  if (client.outbox.storage === 'memory' || typeof indexedDB === 'undefined') return true;
  const name = client.options.databaseName ?? 'kc';
  const list = await indexedDB.databases?.().catch(() => undefined);
  return list ? list.some((d) => d.name === name) : true;
}

/** What the citizen can give about themselves, to pre-fill the form from the portal's sign-in. */
export interface ComplaintIdentity {
  iin?: string;
  bin?: string;
  organisationName?: string;
  lastName?: string;
  firstName?: string;
  middleName?: string;
  phone?: string;
  email?: string;
  preferredLanguage?: 'kk' | 'ru' | 'en';
}

/** The answers of the form, as typed (also what the draft keeps; the consent is never kept). */
interface Values extends Required<Omit<ComplaintIdentity, 'preferredLanguage'>> {
  kind: string;
  categoryId: string;
  subject: string;
  description: string;
  files: { id: string; fileName: string; size: number }[];
  applicantType: 'person' | 'organisation';
  preferredLanguage: '' | 'kk' | 'ru' | 'en';
  preferredContact: 'phone' | 'sms' | 'email';
}

type TextField = Exclude<keyof Values, 'files' | 'applicantType' | 'preferredLanguage' | 'preferredContact'>;
type FieldId = keyof Values | 'consent';

/** The receipt as the form shows it: whole from a direct send, without department and next steps after a reload. */
type Receipt = KcStoredComplaintReceipt & Partial<Pick<KcComplaintReceipt, 'responsible' | 'nextSteps'>>;

interface Upload {
  key: number;
  name: string;
  progress: number;
  controller: AbortController;
}

const empty = (): Values => ({
  kind: '',
  categoryId: '',
  subject: '',
  description: '',
  files: [],
  applicantType: 'person',
  iin: '',
  bin: '',
  organisationName: '',
  lastName: '',
  firstName: '',
  middleName: '',
  phone: '',
  email: '',
  preferredLanguage: '',
  preferredContact: 'phone',
});

const STEP_OF: Record<FieldId, FormStep> = {
  kind: 'kind',
  categoryId: 'kind',
  subject: 'description',
  description: 'description',
  files: 'description',
  applicantType: 'applicant',
  iin: 'applicant',
  bin: 'applicant',
  organisationName: 'applicant',
  lastName: 'applicant',
  firstName: 'applicant',
  middleName: 'applicant',
  phone: 'applicant',
  email: 'applicant',
  preferredLanguage: 'applicant',
  preferredContact: 'applicant',
  consent: 'consent',
};

/** The order of fields on the page, which the error summary follows. */
const FIELD_ORDER = Object.keys(STEP_OF) as FieldId[];

/**
 * @summary Files an appeal (complaint, application, request, proposal) step by step, with a receipt that holds
 * the tracking number and the one-time access code (clauses 3.3–3.5, 6, 8, 9, 11 of the model requirements).
 *
 * Steps: the kind and category (from the configuration, with the procedure and deadlines) → the description
 * (a character count as GOV.UK does it, attachments checked for type and size before upload, with progress and
 * cancel) → the applicant (IIN, or BIN for an organisation, checked with the contract's rules; names with Kazakh
 * letters; phone normalised) → consent to the collection and processing of personal data (law 94-V art. 8,
 * never pre-ticked) → review, each answer with a "change" button → the receipt. A failed step or submission
 * shows an error summary that takes focus and links to each field. The draft is saved as the citizen types (not
 * before) and comes back after a reload; it is wiped once the appeal is safe in the outbox. Offline or on a
 * server fault the appeal waits in the outbox and the form says so; the receipt appears when it lands, also
 * after a reload.
 *
 * @event kc-submit - The citizen sends the appeal (cancelable). `detail.draft`.
 * @event kc-submitted - The appeal is registered and the receipt shown. `detail.trackingNumber`, `detail.fromOutbox`.
 * @event kc-submit-error - The appeal could not be registered now. `detail.error`, `detail.queued`.
 * @event kc-follow-status - The citizen asked to follow the status (cancelable). `detail.trackingNumber`, `detail.accessCode`.
 * @event kc-error - Loading the configuration, a draft, or an upload failed. `detail.error`, `detail.operation`.
 *
 * @csspart base - The form's root.
 * @csspart heading - The heading of the current step or of the receipt.
 * @csspart error-summary - The error summary.
 * @csspart input - Every text field, select and textarea.
 * @csspart counter - The visible character count.
 * @csspart continue-button - The button to the next step.
 * @csspart back-button - The button to the previous step.
 * @csspart change-button - A review row's "change" button.
 * @csspart review - The list of answers on the review step.
 * @csspart submit-button - The button that sends the appeal.
 * @csspart queued - The notice that the appeal waits in the outbox.
 * @csspart storage-notice - The notice that this browser keeps nothing on the device (answers are lost on reload).
 * @csspart receipt - The receipt.
 * @csspart tracking-number - The tracking number on the receipt.
 * @csspart access-code - The access code on the receipt.
 * @csspart copy-button - Copies the access code.
 * @csspart print-button - Prints the receipt.
 * @csspart follow-button - Follows the status.
 * @csspart error - The error state when the configuration cannot be loaded.
 * @csspart retry-button - The error state's retry button.
 * @csspart help - The contact center's channels, last in the element and the same in every kc element (WCAG 3.2.6).
 *
 * @cssproperty --kc-complaint-form-accent - Lines and the focus of the form. Default: `--kc-color-accent`.
 * @cssproperty --kc-complaint-form-surface - Background. Default: `--kc-color-surface`.
 * @cssproperty --kc-complaint-form-text - Text colour. Default: `--kc-color-text`.
 * @cssproperty --kc-complaint-form-radius - Corner radius of fields and boxes. Default: `--kc-radius-s`.
 *
 * @cssstate submitting - The appeal is being sent.
 * @cssstate queued - The appeal waits in the outbox.
 * @cssstate invalid - Errors are shown.
 * @cssstate receipt - The receipt is shown.
 *
 * @example
 * <kc-complaint-form base-url="https://kc.example.kz/api/v1" lang="kk"></kc-complaint-form>
 */
export class KcComplaintForm extends KcElement {
  static override styles = [tokenStyles, baseStyles, styles];
  protected static override requiresConfig = true;

  declare strings: StringsOverride & { complaintForm?: Partial<ComplaintFormStrings> };

  /**
   * The level of the step headings (2–6), so that they fit the page's outline.
   *
   * @default 2
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /**
   * The key of the draft in the SDK's drafts; two forms on one site that file different things need two keys.
   *
   * @default 'kc-complaint-form'
   */
  @property({ attribute: 'draft-key' }) draftKey = 'kc-complaint-form';

  /**
   * What the portal knows about the signed-in citizen: fills the empty fields of the applicant step (the citizen
   * can still change them). Never put it in an attribute.
   *
   * @example
   * form.identity = { iin: '900101300017', lastName: 'Сейтқали', firstName: 'Әйгерім', phone: '+77011234567' };
   */
  @property({ attribute: false }) identity?: ComplaintIdentity;

  @state() private step: FormStep | 'queued' | 'receipt' = 'kind';
  @state() private values: Values = empty();
  @state() private consent = false;
  @state() private errors = new Map<FieldId, string>();
  /** A failure that is not about one field (the server refused the appeal). */
  @state() private formError?: string;
  @state() private phase: 'idle' | 'submitting' | 'queued' = 'idle';
  @state() private uploads: Upload[] = [];
  @state() private receipt?: Receipt;
  /** What the polite status region says (queued, restored, uploaded, copied…). */
  @state() private said = '';
  /** The browser lets nothing be kept on this device (the client's storage is memory): say so. */
  @state() private notKept = false;
  /** The character count, as last announced. */
  @state() private countSaid = '';

  /** Whether the review is where "continue" leads (after a "change" from the review). */
  #backToReview = false;
  #focus?: 'summary' | 'heading' | FieldId;
  #dirty = false;
  #client?: WidgetClient;
  #offs: (() => void)[] = [];
  #shown = new Set<string>();
  #pendingId?: string;
  #saveTimer?: ReturnType<typeof setTimeout>;
  #countTimer?: ReturnType<typeof setTimeout>;
  #uploadKey = 0;
  readonly #states = new CustomStates(this);

  /** The strings of this element in the current language, with the page's overrides. */
  protected get s(): ComplaintFormStrings {
    return complaintFormStrings.for(this.t, this.strings.complaintForm);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    const wait = complaintFormStrings.ensure(resolveLocale(this, this.config?.defaultLocale));
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    return complaintFormStrings.ready && super.shouldUpdate(changed);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) void this.#attach();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#flushSave();
    this.#detach();
    clearTimeout(this.#countTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('identity') && this.identity) this.#prefill(this.identity);
    if (['client', 'baseUrl', 'contextClient'].some((k) => (changed as PropertyValues).has(k))) void this.#attach();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const states = this.#states;
    states.toggle('submitting', this.phase === 'submitting');
    states.toggle('queued', this.phase === 'queued' || this.step === 'queued');
    states.toggle('invalid', this.errors.size > 0 || this.formError !== undefined);
    states.toggle('receipt', this.step === 'receipt');
    const focus = this.#focus;
    if (!focus) return;
    this.#focus = undefined;
    const root = this.renderRoot;
    if (focus === 'summary' || focus === 'heading') {
      root.querySelector<HTMLElement>(focus === 'summary' ? '.summary' : '.heading')?.focus();
    } else {
      this.#focusField(focus);
    }
  }

  /** Moves focus to a field and scrolls its label into view, as GOV.UK's error summary does. */
  #focusField(id: FieldId): void {
    const root = this.renderRoot;
    const field =
      root.querySelector<HTMLElement>(`#${id}`) ??
      root.querySelector<HTMLElement>(`[name="${id}"]:checked, [name="${id}"]`);
    if (!field) return;
    field.focus({ preventScroll: true });
    const label = root.querySelector(`label[for="${field.id}"]`) ?? field.closest('fieldset')?.querySelector('legend');
    (label ?? field).scrollIntoView?.({ block: 'start' });
  }

  // ---------------------------------------------------------------- client, outbox, draft

  async #attach(): Promise<void> {
    if (!this.isConnected || !this.hasClientSource) return;
    let client: WidgetClient;
    try {
      client = await this.getClient();
    } catch (error) {
      this.reportError(error, 'client');
      return;
    }
    if (client === this.#client || !this.isConnected) return;
    this.#detach();
    this.#client = client;
    const outbox = client.outbox;
    this.notKept = outbox.storage === 'memory';
    this.#offs = [
      outbox.on('storage-fallback', () => (this.notKept = true)),
      outbox.on('sent', (d) => {
        if (d.kind === 'complaint') this.#landed(d.id, d.receipt as Receipt, true);
      }),
      outbox.on('failed', (d) => {
        if (d.kind !== 'complaint' || d.id !== this.#pendingId) return;
        this.#pendingId = undefined;
        this.phase = 'idle';
        this.#refused(d.error);
      }),
    ];
    try {
      // Reading the outbox, or registering its complaint kind (which flushes it), would create the database:
      // nothing may be stored before the citizen types. With no database there is nothing to restore.
      if (!(await mayHoldData(client)) || client !== this.#client) return;
      // Registers the complaint kind: what an earlier page left in the outbox goes out now.
      complaints(client);
      const results = await outbox.results();
      const landed = results.filter((r) => r.kind === 'complaint' && r.receipt).at(-1);
      if (landed) this.#landed(landed.id, landed.receipt as Receipt, true);
      const waiting = (await outbox.pending()).filter((p) => p.kind === 'complaint').at(-1);
      if (waiting && !this.receipt && !this.#dirty && this.phase === 'idle') {
        this.#pendingId = waiting.id;
        this.step = 'queued';
        this.said = this.notKept ? this.s.queuedNotKept : this.s.queued;
      }
      if (this.step === 'kind' && !this.#dirty) {
        const draft = await client.drafts.load<{ step?: FormStep; values?: Partial<Values> }>(this.draftKey);
        if (draft?.values && !this.#dirty && this.step === 'kind') {
          this.values = { ...empty(), ...draft.values };
          const at = STEPS.indexOf(draft.step ?? 'kind');
          // The consent is never kept: a restored draft stops before it.
          this.step = STEPS[Math.min(Math.max(at, 0), STEPS.indexOf('consent'))]!;
          this.#dirty = true;
          this.said = this.s.draftRestored;
        }
      }
    } catch (error) {
      this.reportError(error, 'complaints.restore');
    }
  }

  #detach(): void {
    for (const off of this.#offs) off();
    this.#offs = [];
    this.#client = undefined;
  }

  #changed(): void {
    this.#dirty = true;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.#save(), SAVE_PAUSE_MS);
  }

  #flushSave(): void {
    if (this.#saveTimer === undefined) return;
    clearTimeout(this.#saveTimer);
    this.#save();
  }

  #save(): void {
    this.#saveTimer = undefined;
    const client = this.#client;
    if (!client || !this.#dirty || this.phase !== 'idle' || this.step === 'receipt' || this.step === 'queued') return;
    const step = this.step === 'review' ? 'consent' : this.step;
    client.drafts
      .save(this.draftKey, { step, values: this.values })
      .catch((e: unknown) => this.reportError(e, 'drafts.save'));
  }

  #set<K extends keyof Values>(key: K, value: Values[K]): void {
    this.values = { ...this.values, [key]: value };
    if (this.errors.has(key)) {
      const errors = new Map(this.errors);
      errors.delete(key);
      this.errors = errors;
    }
    this.#changed();
  }

  #prefill(identity: ComplaintIdentity): void {
    const next = { ...this.values };
    for (const [key, value] of Object.entries(identity) as [keyof ComplaintIdentity, string][]) {
      if (typeof value === 'string' && value && !next[key])
        (next as Record<string, unknown>)[key] = value.normalize('NFC');
    }
    if (identity.bin && !identity.iin) next.applicantType = 'organisation';
    this.values = next;
  }

  // ---------------------------------------------------------------- validation

  #kindInfo(config: Config) {
    return config.appeals.kinds.find((k) => k.kind === this.values.kind);
  }

  #categories(config: Config) {
    const kind = this.values.kind;
    return config.appeals.categories.filter((c) => !c.kinds || !kind || c.kinds.includes(kind as never));
  }

  #validate(step: FormStep, config: Config): Map<FieldId, string> {
    const s = this.s;
    const e = s.errors;
    const v = this.values;
    const out = new Map<FieldId, string>();
    const bad = (id: FieldId, code: Exclude<FormErrorCode, 'descriptionTooLong' | 'nameInvalid'>) =>
      out.set(id, e[code]);
    if (step === 'kind') {
      if (config.appeals.kinds.length && !this.#kindInfo(config)) bad('kind', 'kindRequired');
      if (this.#categories(config).length && !this.#categories(config).some((c) => c.id === v.categoryId))
        bad('categoryId', 'categoryRequired');
    } else if (step === 'description') {
      if (v.subject.trim().length > SUBJECT_MAX) bad('subject', 'subjectTooLong');
      if (this.uploads.length) bad('files', 'uploadPending');
      if (!v.description.trim()) bad('description', 'descriptionRequired');
      else if (v.description.length > DESCRIPTION_MAX)
        out.set('description', e.descriptionTooLong(this.formatNumber(DESCRIPTION_MAX)));
    } else if (step === 'applicant') {
      if (v.applicantType === 'person') {
        const iin = normalizeDigits(v.iin);
        if (!iin) bad('iin', 'iinRequired');
        else if (!isValidIin(iin)) bad('iin', 'iinInvalid');
      } else {
        const bin = normalizeDigits(v.bin);
        if (!bin) bad('bin', 'binRequired');
        else if (!isValidBin(bin)) bad('bin', 'binInvalid');
        if (!v.organisationName.trim()) bad('organisationName', 'organisationRequired');
      }
      for (const [id, label, required] of [
        ['lastName', s.lastName, 'lastNameRequired'],
        ['firstName', s.firstName, 'firstNameRequired'],
        ['middleName', s.middleName, undefined],
      ] as const) {
        const value = v[id].trim();
        if (!value) {
          if (required) bad(id, required);
        } else if (!NAME.test(value) || value.length > 100) out.set(id, e.nameInvalid(label));
      }
      if (!v.phone.trim()) bad('phone', 'phoneRequired');
      else if (!normalizeKzPhone(v.phone)) bad('phone', 'phoneInvalid');
      if (v.email.trim() && !EMAIL.test(v.email.trim())) bad('email', 'emailInvalid');
      else if (!v.email.trim() && v.preferredContact === 'email') bad('email', 'emailRequired');
    } else if (step === 'consent') {
      if (!this.consent) bad('consent', 'consentRequired');
    }
    return out;
  }

  /** Shows `errors` in the summary, on the step of the first, and moves focus to the summary. */
  #showErrors(errors: Map<FieldId, string>): void {
    const sorted = new Map([...errors].sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b)));
    this.errors = sorted;
    const first = sorted.keys().next().value;
    if (first) this.step = STEP_OF[first];
    this.#focus = 'summary';
  }

  #go(step: FormStep, focus: 'heading' | FieldId = 'heading'): void {
    this.#flushSave();
    this.step = step;
    this.errors = new Map();
    this.formError = undefined;
    this.#focus = focus;
    if (this.#dirty) this.#changed();
  }

  #continue(config: Config): void {
    const step = this.step as FormStep;
    const errors = this.#validate(step, config);
    if (errors.size) {
      this.#showErrors(errors);
      return;
    }
    const next = this.#backToReview ? 'review' : STEPS[STEPS.indexOf(step) + 1]!;
    if (next === 'review') this.#backToReview = false;
    this.#go(next);
  }

  #change(field: FieldId): void {
    this.#backToReview = true;
    this.#go(STEP_OF[field], field);
  }

  // ---------------------------------------------------------------- attachments

  #limits(config: Config) {
    const a = config.attachments;
    const types = a.allowedTypes.map((t) => (t.split('/')[1] ?? t).toUpperCase()).join(', ');
    return { ...a, types, size: this.#bytes(a.maxBytes), total: this.#bytes(a.maxTotalBytes) };
  }

  #bytes(n: number): string {
    return n >= 1_048_576
      ? this.formatNumber(n / 1_048_576, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
      : this.formatNumber(Math.max(1, Math.round(n / 1024)), { style: 'unit', unit: 'kilobyte' });
  }

  #pick(input: HTMLInputElement, config: Config): void {
    const chosen = [...(input.files ?? [])];
    input.value = '';
    const s = this.s;
    const limits = this.#limits(config);
    const problems: string[] = [];
    let count = this.values.files.length + this.uploads.length;
    let total = this.values.files.reduce((sum, f) => sum + f.size, 0);
    for (const file of chosen) {
      const name = file.name.normalize('NFC');
      if (!limits.allowedTypes.includes(file.type)) problems.push(s.fileType(name, limits.types));
      else if (file.size > limits.maxBytes) problems.push(s.fileSize(name, limits.size));
      else if (count >= limits.maxCount) problems.push(s.fileCount(limits.maxCount));
      else if (total + file.size > limits.maxTotalBytes) problems.push(s.fileTotal(limits.total));
      else {
        count += 1;
        total += file.size;
        void this.#upload(file, name);
        continue;
      }
    }
    const errors = new Map(this.errors);
    if (problems.length) errors.set('files', problems.join(' '));
    else errors.delete('files');
    this.errors = errors;
  }

  async #upload(file: File, name: string): Promise<void> {
    const upload: Upload = { key: ++this.#uploadKey, name, progress: 0, controller: new AbortController() };
    this.uploads = [...this.uploads, upload];
    this.said = this.s.uploading(name);
    const progress = (share: number) => {
      upload.progress = share;
      this.uploads = [...this.uploads];
    };
    try {
      const client = await this.getClient();
      const stored = await complaints(client).uploadAttachment(file, {
        fileName: name,
        onProgress: progress,
        signal: upload.controller.signal,
      });
      this.values = {
        ...this.values,
        files: [...this.values.files, { id: stored.id, fileName: name, size: stored.size }],
      };
      this.said = this.s.uploaded(name);
      this.#changed();
    } catch (error) {
      if (upload.controller.signal.aborted || isAbort(error)) {
        this.said = this.s.uploadCancelled(name);
      } else {
        this.reportError(error, 'complaints.uploadAttachment');
        this.errors = new Map(this.errors).set('files', this.s.uploadFailed(name));
      }
    } finally {
      this.uploads = this.uploads.filter((u) => u !== upload);
    }
  }

  #removeFile(id: string, name: string): void {
    this.#set(
      'files',
      this.values.files.filter((f) => f.id !== id),
    );
    this.said = this.s.fileRemoved(name);
    this.#focus = 'files';
  }

  // ---------------------------------------------------------------- submission

  #draft(config: Config): KcComplaintDraft {
    const v = this.values;
    const trim = (x: string) => x.trim().normalize('NFC');
    const applicant: Record<string, unknown> = {
      lastName: trim(v.lastName),
      firstName: trim(v.firstName),
      phone: normalizeKzPhone(v.phone) ?? v.phone.trim(),
      preferredLanguage: v.preferredLanguage || this.t.$content,
      preferredContact: v.preferredContact,
    };
    if (v.applicantType === 'person') applicant.iin = normalizeDigits(v.iin);
    else Object.assign(applicant, { bin: normalizeDigits(v.bin), organisationName: trim(v.organisationName) });
    if (trim(v.middleName)) applicant.middleName = trim(v.middleName);
    if (v.email.trim()) applicant.email = v.email.trim();
    return {
      kind: v.kind as KcComplaintDraft['kind'],
      categoryId: v.categoryId,
      ...(trim(v.subject) && { subject: trim(v.subject) }),
      description: v.description.trim().normalize('NFC'),
      ...(v.files.length && { attachmentIds: v.files.map((f) => f.id) }),
      applicant,
      consent: { given: true, version: config.privacy.version },
    } as KcComplaintDraft;
  }

  async #submit(config: Config): Promise<void> {
    if (this.phase === 'submitting') return;
    if (this.phase === 'queued') {
      void this.#client?.outbox.flush();
      return;
    }
    const all = new Map<FieldId, string>();
    for (const step of STEPS) for (const [k, m] of this.#validate(step, config)) all.set(k, m);
    if (all.size) {
      this.#showErrors(all);
      return;
    }
    const draft = this.#draft(config);
    if (!this.dispatchEvent(new KcSubmitEvent({ draft }))) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    this.phase = 'submitting';
    this.formError = undefined;
    this.said = this.s.submitting;
    try {
      const client = await this.getClient();
      const result = await complaints(client).submit(draft, { draftKey: this.draftKey });
      const { lastName, firstName, middleName, phone } = this.values;
      give(client, { name: [lastName, firstName, middleName].filter(Boolean).join(' ').normalize('NFC'), phone });
      if (result.status === 'sent') {
        this.#landed(result.id, result.receipt, false);
      } else {
        this.#pendingId = result.id;
        this.phase = 'queued';
        this.said = this.notKept ? this.s.queuedNotKept : this.s.queued;
        this.dispatchEvent(new KcSubmitErrorEvent({ error: result.error, queued: true }));
      }
    } catch (error) {
      this.phase = 'idle';
      if (isAbort(error)) return;
      this.#refused(error);
    }
  }

  #refused(error: unknown): void {
    this.dispatchEvent(new KcSubmitErrorEvent({ error, queued: false }));
    this.said = '';
    if (isKcValidationError(error) && error.fieldErrors.length) {
      const errors = new Map<FieldId, string>();
      for (const f of error.fieldErrors) {
        const id = this.#fieldOf(f.field);
        if (!errors.has(id)) errors.set(id, this.#serverMessage(id, f.code));
      }
      this.#showErrors(errors);
      return;
    }
    this.reportError(error, 'complaints.submit');
    const name = (error as { name?: string } | null)?.name;
    this.formError =
      name === 'KcHttpError' || name === 'KcValidationError' ? this.s.refused : describeError(error, this.t);
    this.step = 'review';
    this.#focus = 'summary';
  }

  /** The form's field for a JSON pointer of the request (`/applicant/iin` → `iin`). */
  #fieldOf(pointer: string): FieldId {
    const parts = pointer.split('/').filter(Boolean);
    const [top, sub] = parts;
    if (top === 'applicant') {
      if (sub && sub in STEP_OF) return sub as FieldId;
      return this.values.applicantType === 'person' ? 'iin' : 'bin';
    }
    if (top === 'attachmentIds') return 'files';
    if (top === 'consent') return 'consent';
    return top && top in STEP_OF ? (top as FieldId) : 'description';
  }

  #serverMessage(id: FieldId, code: string): string {
    const e = this.s.errors;
    const known: Partial<Record<FieldId, string>> = {
      iin: code === 'required' ? e.iinRequired : e.iinInvalid,
      bin: code === 'required' ? e.binRequired : e.binInvalid,
      phone: code === 'required' ? e.phoneRequired : e.phoneInvalid,
      email: e.emailInvalid,
      consent: e.consentRequired,
      kind: e.kindRequired,
      categoryId: e.categoryRequired,
      description:
        code === 'maxLength' ? e.descriptionTooLong(this.formatNumber(DESCRIPTION_MAX)) : e.descriptionRequired,
      lastName: e.nameInvalid(this.s.lastName),
      firstName: e.nameInvalid(this.s.firstName),
      middleName: e.nameInvalid(this.s.middleName),
      organisationName: e.organisationRequired,
    };
    return known[id] ?? e.invalid;
  }

  /** Shows a receipt (once per outbox item) and forgets it in the outbox: the access code is shown only once. */
  #landed(id: string, receipt: Receipt, fromOutbox: boolean): void {
    if (this.#shown.has(id)) return;
    // A receipt of an earlier appeal must not replace what the citizen is typing now; it waits in the outbox.
    if (fromOutbox && id !== this.#pendingId && (this.#dirty || this.phase !== 'idle') && this.step !== 'queued')
      return;
    this.#shown.add(id);
    // The receipt takes focus when the citizen is here (they sent it, or pressed "send now"); one that lands after a
    // reload, while they are elsewhere on the page, is announced instead of pulling the page to it.
    const hadFocus = !fromOutbox || this.matches(':focus-within');
    this.receipt = receipt;
    this.step = 'receipt';
    this.phase = 'idle';
    this.#pendingId = undefined;
    this.#dirty = false;
    this.values = empty();
    this.consent = false;
    this.errors = new Map();
    this.formError = undefined;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    if (hadFocus) this.#focus = 'heading';
    else this.said = this.s.receiptHeading;
    const client = this.#client;
    void client?.outbox.acknowledge(id).catch(() => undefined);
    void client?.drafts.remove(this.draftKey).catch(() => undefined);
    this.dispatchEvent(
      new KcSubmittedEvent({
        trackingNumber: receipt.trackingNumber,
        registeredAt: receipt.registeredAt,
        dueAt: receipt.dueAt,
        fromOutbox,
      }),
    );
  }

  async #copy(code: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(code);
      this.said = this.s.copied;
    } catch {
      this.said = this.s.copyFailed;
    }
  }

  #restart(): void {
    this.receipt = undefined;
    this.values = empty();
    if (this.identity) this.#prefill(this.identity);
    this.consent = false;
    this.#dirty = false;
    this.#backToReview = false;
    this.#go('kind');
  }

  // ---------------------------------------------------------------- rendering

  protected override render(): TemplateResult {
    const status = html`<div class="kc-visually-hidden" role="status">${this.said}</div>`;
    const content = this.configTask.render({
      pending: () => html`<p class="loading">${this.t.common.loading}</p>`,
      complete: (config) => (config ? this.#renderForm(config) : nothing),
      error: (error) => this.renderError(error, () => this.retryConfig()),
    });
    return html`${status}${content}${this.renderHelp()}`;
  }

  #heading(text: string, extra?: TemplateResult): TemplateResult {
    const level = Math.min(6, Math.max(2, Math.trunc(this.headingLevel) || 2));
    return html`<div class="heading" part="heading" role="heading" aria-level=${level} tabindex="-1">
      ${extra ?? nothing}${text}
    </div>`;
  }

  #renderForm(config: Config): TemplateResult {
    if (this.step === 'receipt' && this.receipt) return this.#renderReceipt(this.receipt);
    if (this.step === 'queued') return this.#renderQueuedAlone();
    const step = this.step === 'receipt' ? 'kind' : this.step;
    const s = this.s;
    const n = STEPS.indexOf(step) + 1;
    const body = {
      kind: () => this.#renderKind(config),
      description: () => this.#renderDescription(config),
      applicant: () => this.#renderApplicant(),
      consent: () => this.#renderConsent(config),
      review: () => this.#renderReview(config),
    }[step]();
    return html`<form class="form" part="base" novalidate @submit=${(e: Event) => e.preventDefault()}>
      ${this.#heading(s.steps[step], html`<span class="step-of">${s.stepOf(n, STEPS.length)}</span>`)}
      ${this.notKept ? html`<p class="notice" part="storage-notice">${s.storageNotKept}</p>` : nothing}
      ${this.#renderSummary()} ${body}
      <div class="actions">
        ${
          step === 'review'
            ? html`<button
                class="kc-button kc-button--primary"
                part="submit-button"
                type="button"
                aria-disabled=${this.phase === 'submitting' ? 'true' : 'false'}
                @click=${() => void this.#submit(config)}
              >
                ${this.phase === 'submitting' ? s.submitting : this.phase === 'queued' ? s.sendNow : s.submit}
              </button>`
            : html`<button
                class="kc-button kc-button--primary"
                part="continue-button"
                type="button"
                @click=${() => this.#continue(config)}
              >
                ${s.continue}
              </button>`
        }
        ${
          n > 1 && this.phase === 'idle'
            ? html`<button class="kc-button" part="back-button" type="button" @click=${() => this.#go(STEPS[n - 2]!)}>
                ${s.back}
              </button>`
            : nothing
        }
      </div>
    </form>`;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    if (!this.errors.size && !this.formError) return nothing;
    const s = this.s;
    return html`<div class="summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="summary-title">
      <p class="summary__title" id="summary-title">${s.errorSummary}</p>
      ${this.formError ? html`<p class="summary__text">${this.formError}</p>` : nothing}
      ${
        this.errors.size
          ? html`<ul class="summary__list">
              ${[...this.errors].map(
                ([id, message]) =>
                  html`<li>
                    <a
                      href=${`#${id}`}
                      @click=${(e: Event) => {
                        e.preventDefault();
                        if (STEP_OF[id] !== this.step) {
                          this.step = STEP_OF[id];
                          this.#focus = id;
                        } else this.#focusField(id);
                      }}
                      >${message}</a
                    >
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    </div>`;
  }

  /** The ids for `aria-describedby` of a field: its hint and its error, when present. */
  #describedBy(id: FieldId, ...more: (string | false)[]): string {
    return [...more.filter(Boolean), this.errors.has(id) && `${id}-error`].filter(Boolean).join(' ');
  }

  #error(id: FieldId): TemplateResult | typeof nothing {
    const message = this.errors.get(id);
    return message ? html`<p class="field-error" id=${`${id}-error`}>${message}</p>` : nothing;
  }

  #text(
    id: TextField,
    label: string,
    options: {
      hint?: string;
      autocomplete?: 'organization' | 'family-name' | 'given-name' | 'additional-name' | 'tel' | 'email';
      inputmode?: 'numeric' | 'tel';
      type?: 'text' | 'tel' | 'email';
    } = {},
  ): TemplateResult {
    const invalid = this.errors.has(id);
    return html`<div class="field ${invalid ? 'field--invalid' : ''}">
      <label for=${id}>${label}</label>
      ${options.hint ? html`<p class="hint" id=${`${id}-hint`}>${options.hint}</p>` : nothing} ${this.#error(id)}
      <input
        id=${id}
        part="input"
        type=${options.type ?? 'text'}
        autocomplete=${ifDefined(options.autocomplete)}
        inputmode=${ifDefined(options.inputmode)}
        spellcheck="false"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${this.#describedBy(id, !!options.hint && `${id}-hint`) || nothing}
        .value=${live(this.values[id])}
        @input=${(e: Event) => this.#set(id, (e.target as HTMLInputElement).value.normalize('NFC'))}
      />
    </div>`;
  }

  #renderKind(config: Config): TemplateResult {
    const s = this.s;
    const kinds = config.appeals.kinds;
    const info = this.#kindInfo(config);
    const categories = this.#categories(config);
    const roots = categories.filter((c) => !c.parentId || !categories.some((p) => p.id === c.parentId));
    const under = (id: string): typeof categories => {
      const children = categories.filter((c) => c.parentId === id);
      return children.flatMap((c) => [c, ...under(c.id)]);
    };
    const option = (c: (typeof categories)[number]) =>
      html`<option value=${c.id} ?selected=${c.id === this.values.categoryId}>${this.text(c.name)}</option>`;
    const kindInvalid = this.errors.has('kind');
    const catInvalid = this.errors.has('categoryId');
    const procedure = this.text(config.appeals.procedure);
    return html`${
      kinds.length
        ? html`<fieldset
            class="field ${kindInvalid ? 'field--invalid' : ''}"
            aria-describedby=${this.#describedBy('kind') || nothing}
          >
            <legend>${s.kindLegend}</legend>
            ${this.#error('kind')}
            <div class="choices">
              ${kinds.map(
                (k, i) =>
                  html`<div class="choice">
                    <input
                      type="radio"
                      name="kind"
                      id=${i === 0 ? 'kind' : `kind-${k.kind}`}
                      value=${k.kind}
                      aria-describedby=${`kind-${k.kind}-hint`}
                      .checked=${live(this.values.kind === k.kind)}
                      @change=${() => this.#set('kind', k.kind)}
                    />
                    <label for=${i === 0 ? 'kind' : `kind-${k.kind}`}>${this.text(k.name)}</label>
                    <p class="hint" id=${`kind-${k.kind}-hint`}>${this.text(k.description)}</p>
                  </div>`,
              )}
            </div>
          </fieldset>`
        : nothing
    }
    ${
      categories.length
        ? html`<div class="field ${catInvalid ? 'field--invalid' : ''}">
            <label for="categoryId">${s.categoryLabel}</label>
            ${this.#error('categoryId')}
            <select
              id="categoryId"
              part="input"
              aria-invalid=${catInvalid ? 'true' : 'false'}
              aria-describedby=${this.#describedBy('categoryId') || nothing}
              @input=${(e: Event) => this.#set('categoryId', (e.target as HTMLSelectElement).value)}
              @change=${(e: Event) => this.#set('categoryId', (e.target as HTMLSelectElement).value)}
            >
              <option value="" ?selected=${!this.values.categoryId}>${s.categoryChoose}</option>
              ${roots.map((root) => {
                const children = under(root.id);
                return children.length
                  ? html`<optgroup label=${this.text(root.name)}>${[root, ...children].map(option)}</optgroup>`
                  : option(root);
              })}
            </select>
          </div>`
        : nothing
    }
    ${
      procedure || info
        ? html`<section class="procedure" aria-labelledby="procedure-title">
            <p class="procedure__title" id="procedure-title">${s.procedure}</p>
            ${info ? html`<p class="pre">${this.text(info.deadline)}</p>` : nothing}
            ${procedure ? html`<p class="pre">${procedure}</p>` : nothing}
          </section>`
        : nothing
    }`;
  }

  #renderDescription(config: Config): TemplateResult {
    const s = this.s;
    const left = DESCRIPTION_MAX - this.values.description.length;
    const count = left >= 0 ? s.charactersLeft(left) : s.charactersOver(-left);
    const invalid = this.errors.has('description');
    const limits = this.#limits(config);
    return html`${this.#text('subject', s.subjectLabel)}
      <div class="field ${invalid ? 'field--invalid' : ''}">
        <label for="description">${s.descriptionLabel}</label>
        <p class="hint" id="description-hint">${s.descriptionHint}</p>
        ${this.#error('description')}
        <textarea
          id="description"
          part="input"
          rows="8"
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${this.#describedBy('description', 'description-hint', 'description-limit')}
          .value=${live(this.values.description)}
          @input=${(e: Event) => {
            this.#set('description', (e.target as HTMLTextAreaElement).value.normalize('NFC'));
            clearTimeout(this.#countTimer);
            this.#countTimer = setTimeout(() => {
              const l = DESCRIPTION_MAX - this.values.description.length;
              this.countSaid = l >= 0 ? this.s.charactersLeft(l) : this.s.charactersOver(-l);
            }, COUNT_PAUSE_MS);
          }}
        ></textarea>
        <p class="kc-visually-hidden" id="description-limit">${s.charactersLimit(DESCRIPTION_MAX)}</p>
        <p class="counter ${left < 0 ? 'counter--over' : ''}" part="counter" aria-hidden="true">${count}</p>
        <div class="kc-visually-hidden" role="status" aria-live="polite">${this.countSaid}</div>
      </div>
      ${limits.maxCount > 0 ? this.#renderFiles(config) : nothing}`;
  }

  #renderFiles(config: Config): TemplateResult {
    const s = this.s;
    const limits = this.#limits(config);
    const invalid = this.errors.has('files');
    return html`<div class="field ${invalid ? 'field--invalid' : ''}">
      <label for="files">${s.attachmentsLabel}</label>
      <p class="hint" id="files-hint">${s.attachmentsHint(limits.types, limits.size, limits.maxCount)}</p>
      ${this.#error('files')}
      <input
        id="files"
        part="input"
        type="file"
        multiple
        accept=${limits.allowedTypes.join(',')}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${this.#describedBy('files', 'files-hint')}
        @change=${(e: Event) => this.#pick(e.target as HTMLInputElement, config)}
      />
      ${
        this.uploads.length || this.values.files.length
          ? html`<ul class="files">
              ${this.uploads.map(
                (u) =>
                  html`<li class="file">
                    <span class="file__name">${u.name}</span>
                    <progress max="1" .value=${u.progress} aria-label=${s.uploading(u.name)}></progress>
                    <button
                      class="kc-button"
                      type="button"
                      aria-label=${`${s.cancelUpload}: ${u.name}`}
                      @click=${() => u.controller.abort()}
                    >
                      ${s.cancelUpload}
                    </button>
                  </li>`,
              )}
              ${this.values.files.map(
                (f) =>
                  html`<li class="file">
                    <span class="file__name">${f.fileName}</span>
                    <span class="file__size">${this.#bytes(f.size)}</span>
                    <button class="kc-button" type="button" @click=${() => this.#removeFile(f.id, f.fileName)}>
                      ${s.removeFile(f.fileName)}
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    </div>`;
  }

  #radios<K extends 'applicantType' | 'preferredContact'>(
    key: K,
    legend: string,
    options: readonly [Values[K], string][],
  ): TemplateResult {
    return html`<fieldset class="field">
      <legend>${legend}</legend>
      <div class="choices choices--inline">
        ${options.map(
          ([value, label], i) =>
            html`<div class="choice">
              <input
                type="radio"
                name=${key}
                id=${i === 0 ? key : `${key}-${value}`}
                value=${value}
                .checked=${live(this.values[key] === value)}
                @change=${() => this.#set(key, value)}
              />
              <label for=${i === 0 ? key : `${key}-${value}`}>${label}</label>
            </div>`,
        )}
      </div>
    </fieldset>`;
  }

  #renderApplicant(): TemplateResult {
    const s = this.s;
    const person = this.values.applicantType === 'person';
    const language = this.values.preferredLanguage || this.t.$content;
    return html`${this.#radios('applicantType', s.applicantLegend, [
        ['person', s.person],
        ['organisation', s.organisation],
      ])}
      ${
        person
          ? this.#text('iin', s.iin, { hint: s.iinHint, inputmode: 'numeric' })
          : html`${this.#text('bin', s.bin, { hint: s.binHint, inputmode: 'numeric' })}
            ${this.#text('organisationName', s.organisationName, { autocomplete: 'organization' })}`
      }
      ${this.#text('lastName', s.lastName, { autocomplete: 'family-name' })}
      ${this.#text('firstName', s.firstName, { autocomplete: 'given-name' })}
      ${this.#text('middleName', s.middleName, { autocomplete: 'additional-name' })}
      ${this.#text('phone', s.phone, { hint: s.phoneHint, autocomplete: 'tel', type: 'tel', inputmode: 'tel' })}
      ${this.#text('email', s.email, { hint: s.emailHint, autocomplete: 'email', type: 'email' })}
      <div class="field">
        <label for="preferredLanguage">${s.preferredLanguage}</label>
        <select
          id="preferredLanguage"
          part="input"
          autocomplete="language"
          @change=${(e: Event) =>
            this.#set('preferredLanguage', (e.target as HTMLSelectElement).value as Values['preferredLanguage'])}
        >
          ${(['kk', 'ru', 'en'] as const).map(
            (code) =>
              html`<option value=${code} lang=${code} ?selected=${language === code}>${s.languages[code]}</option>`,
          )}
        </select>
      </div>
      ${this.#radios(
        'preferredContact',
        s.preferredContact,
        (['phone', 'sms', 'email'] as const).map((c) => [c, s.contacts[c]] as const),
      )}`;
  }

  #renderConsent(config: Config): TemplateResult {
    const s = this.s;
    const p = config.privacy;
    const invalid = this.errors.has('consent');
    const url = safeHref(p.url);
    const rows: [string, string][] = [
      [s.consentOperator, s.operatorWithBin(this.text(p.operatorName), p.operatorBin)],
      [s.consentData, this.text(p.data)],
      [s.consentPurpose, this.text(p.purpose)],
      [s.consentRetention, this.text(p.retention)],
      [s.consentThirdParties, this.text(p.thirdParties)],
      [s.consentWithdrawal, this.text(p.withdrawal)],
    ];
    return html`<p>${s.consentIntro}</p>
      <dl class="notice" id="consent-notice">
        ${rows
          .filter(([, v]) => v)
          .map(
            ([k, v]) =>
              html`<dt>${k}</dt>
                <dd class="pre">${v}</dd>`,
          )}
      </dl>
      ${url ? html`<p><a href=${url} rel="noopener noreferrer" target="_blank">${s.consentFullText}</a></p>` : nothing}
      <div class="field ${invalid ? 'field--invalid' : ''}">
        ${this.#error('consent')}
        <div class="choice">
          <input
            type="checkbox"
            id="consent"
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('consent', 'consent-notice')}
            .checked=${live(this.consent)}
            @change=${(e: Event) => {
              this.consent = (e.target as HTMLInputElement).checked;
              if (this.consent && this.errors.has('consent')) {
                const errors = new Map(this.errors);
                errors.delete('consent');
                this.errors = errors;
              }
            }}
          />
          <label for="consent">${this.text(p.text) || s.consentGiven}</label>
        </div>
      </div>`;
  }

  #renderReview(config: Config): TemplateResult {
    const s = this.s;
    const v = this.values;
    const kind = this.#kindInfo(config);
    const category = config.appeals.categories.find((c) => c.id === v.categoryId);
    const phone = normalizeKzPhone(v.phone);
    const rows: [FieldId, string, string][] = [
      ['kind', s.kindLegend, kind ? this.text(kind.name) : ''],
      ['categoryId', s.categoryLabel, category ? this.text(category.name) : ''],
      ['subject', s.subjectLabel, v.subject.trim()],
      ['description', s.descriptionLabel, v.description.trim()],
      ['files', s.attachmentsLabel, v.files.map((f) => f.fileName).join(', ') || s.none],
      ['applicantType', s.applicantLegend, v.applicantType === 'person' ? s.person : s.organisation],
      ...(v.applicantType === 'person'
        ? ([['iin', s.iin, v.iin.trim()]] as [FieldId, string, string][])
        : ([
            ['bin', s.bin, v.bin.trim()],
            ['organisationName', s.organisationName, v.organisationName.trim()],
          ] as [FieldId, string, string][])),
      ['lastName', s.lastName, v.lastName.trim()],
      ['firstName', s.firstName, v.firstName.trim()],
      ['middleName', s.middleName, v.middleName.trim()],
      ['phone', s.phone, phone ? phone : v.phone],
      ['email', s.email, v.email.trim()],
      ['preferredLanguage', s.preferredLanguage, s.languages[v.preferredLanguage || this.t.$content]],
      ['preferredContact', s.preferredContact, s.contacts[v.preferredContact]],
      ['consent', s.steps.consent, this.consent ? s.consentGiven : ''],
    ];
    return html`<p>${s.reviewIntro}</p>
      <dl class="review" part="review">
        ${rows.map(
          ([id, label, value]) =>
            html`<div class="review__row">
              <dt>${label}</dt>
              <dd class="pre">${value || s.notGiven}</dd>
              <dd>
                ${
                  this.phase === 'idle'
                    ? html`<button
                        class="link"
                        part="change-button"
                        type="button"
                        aria-label=${s.changeLabel(label)}
                        @click=${() => this.#change(id)}
                      >
                        ${s.change}
                      </button>`
                    : nothing
                }
              </dd>
            </div>`,
        )}
      </dl>
      ${this.phase === 'queued' ? this.#renderQueued() : nothing}`;
  }

  #renderQueued(): TemplateResult {
    const s = this.s;
    return html`<div class="queued" part="queued">
      <p class="queued__title">${this.notKept ? s.queuedHeadingNotKept : s.queuedHeading}</p>
      <p>${this.notKept ? s.queuedNotKept : s.queued}</p>
    </div>`;
  }

  #renderQueuedAlone(): TemplateResult {
    return html`<div class="form" part="base">
      ${this.#heading(this.notKept ? this.s.queuedHeadingNotKept : this.s.queuedHeading)}
      <p>${this.notKept ? this.s.queuedNotKept : this.s.queued}</p>
      <div class="actions">
        <button
          class="kc-button kc-button--primary"
          part="submit-button"
          type="button"
          @click=${() => void this.#client?.outbox.flush()}
        >
          ${this.s.sendNow}
        </button>
      </div>
    </div>`;
  }

  #renderReceipt(r: Receipt): TemplateResult {
    const s = this.s;
    const responsible = r.responsible;
    const localized = (x: LocalizedText) => this.text(x);
    return html`<div class="receipt kc-success" part="base receipt">
      ${this.#heading(s.receiptHeading)}
      <dl class="receipt__list">
        <dt>${s.trackingNumber}</dt>
        <dd class="receipt__number" part="tracking-number">${r.trackingNumber}</dd>
        <dt>${s.accessCode}</dt>
        <dd>
          <span class="receipt__code" part="access-code">${r.accessCode}</span>
          <button
            class="kc-button no-print"
            part="copy-button"
            type="button"
            @click=${() => void this.#copy(r.accessCode)}
          >
            ${s.copy}
          </button>
        </dd>
        <dt>${s.registeredAt}</dt>
        <dd>${this.formatDateTime(r.registeredAt)}</dd>
        <dt>${s.dueAt}</dt>
        <dd>${this.formatDateTime(r.dueAt)}</dd>
        ${
          responsible
            ? html`<dt>${s.responsible}</dt>
                <dd>
                  ${[localized(responsible.department), localized(responsible.position)].filter(Boolean).join(', ')}
                </dd>`
            : nothing
        }
      </dl>
      <p class="receipt__once"><strong>${s.accessCodeOnce}</strong></p>
      <p class="receipt__next-title">${s.nextSteps}</p>
      <p class="pre">${r.nextSteps ? localized(r.nextSteps) : s.nextStepsDefault}</p>
      <div class="actions no-print">
        <button
          class="kc-button kc-button--primary"
          part="follow-button"
          type="button"
          @click=${() =>
            this.dispatchEvent(new KcFollowStatusEvent({ trackingNumber: r.trackingNumber, accessCode: r.accessCode }))}
        >
          ${s.followStatus}
        </button>
        <button class="kc-button" part="print-button" type="button" @click=${() => window.print()}>${s.print}</button>
        <button class="kc-button" type="button" @click=${() => this.#restart()}>${s.newAppeal}</button>
      </div>
    </div>`;
  }
}
