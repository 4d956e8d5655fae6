// SPDX-License-Identifier: MIT
import { LitElement, html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Category, Locale, LocalizedText, OperatorEvent } from '@kc/contract';
import { ApiError, type OperatorApi } from './api.js';
import { STRINGS, type Strings } from './i18n.js';

/** An error as the operator should read it: what went wrong and, for a refused form, which fields. */
export function describeError(error: unknown, s: Strings): string {
  if (!(error instanceof ApiError)) return s.error.generic;
  if (error.status === 0) return s.error.network;
  if (error.status === 403) return s.error.forbidden;
  const p = error.problem;
  const head = error.status === 409 ? `${s.error.conflict} ${p?.detail ?? ''}`.trim() : (p?.detail ?? p?.title);
  const fields = (p?.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ');
  return [head ?? s.error.generic, fields].filter(Boolean).join(' — ');
}

/** A form field's trimmed text, or `undefined` when empty. */
export function text(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** Three fields `name.kk`, `name.ru`, `name.en` as a {@link LocalizedText}, or `undefined` when all are empty. */
export function localized(form: FormData, name: string): LocalizedText | undefined {
  const kk = text(form, `${name}.kk`);
  const ru = text(form, `${name}.ru`);
  const en = text(form, `${name}.en`);
  if (!kk && !ru && !en) return undefined;
  return { kk: kk ?? '', ru: ru ?? '', en: en ?? '' };
}

/**
 * A section of the console: it gets the signed-in API and the console's language, renders into the light DOM (one
 * stylesheet for the page, nothing inline, which the strict CSP wants), and reports errors and outcomes in live
 * regions.
 */
export abstract class Panel extends LitElement {
  /** The signed-in operator API. */
  @property({ attribute: false }) api!: OperatorApi;
  /** The console's language. */
  @property({ attribute: false }) locale: Locale = 'ru';
  /** The center's category classifier (for transfers). */
  @property({ attribute: false }) categories: readonly Category[] = [];
  @state() protected error = '';
  @state() protected notice = '';
  @state() protected busy = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected get s(): Strings {
    return STRINGS[this.locale];
  }

  /** Reads everything again (after sign-in or a stream `reset`). */
  abstract reload(): Promise<void>;

  /** An event of the operator stream. */
  abstract handleEvent(event: OperatorEvent): void;

  /** Runs an action, showing its error or `done` in the live regions. */
  protected async run<T>(action: () => Promise<T>, done?: string): Promise<T | undefined> {
    this.error = '';
    this.notice = '';
    this.busy = true;
    try {
      const result = await action();
      if (done) this.notice = done;
      return result;
    } catch (error) {
      this.error = describeError(error, this.s);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** The live regions; always in the DOM, so that screen readers announce what appears in them. */
  protected messages(): TemplateResult {
    return html`<p class="error" role="alert">${this.error}</p>
      <p class="notice" role="status">${this.notice}</p>`;
  }

  /** Three labelled inputs for a text in kk, ru and en. */
  protected localizedFields(
    name: string,
    legend: string,
    value?: LocalizedText | null,
    required = false,
    multiline = false,
  ): TemplateResult {
    const langs = ['kk', 'ru', 'en'] as const;
    return html`<fieldset class="lt">
      <legend>${legend}</legend>
      ${langs.map((l) => {
        const id = `${this.localName}-${name}-${l}`;
        return html`<label for=${id}>${l.toUpperCase()} · ${this.s.langs[l]}</label> ${
            multiline
              ? html`<textarea
                  id=${id}
                  name="${name}.${l}"
                  rows="2"
                  ?required=${required}
                  .value=${value?.[l] ?? ''}
                ></textarea>`
              : html`<input id=${id} name="${name}.${l}" ?required=${required} .value=${value?.[l] ?? ''} />`
          }`;
      })}
    </fieldset>`;
  }
}
