// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type {
  CallbackOutcome,
  CallbackStatus,
  Channel,
  IndicatorReport,
  OperatorCallback,
  OperatorEvent,
  Outage,
  OutageInput,
  OutageSeverity,
} from '@kc/contract';
import { formatDateTime, localDate, localNow, pick, zonedDateTime } from './i18n.js';
import { Panel, localized, text } from './panel.js';

const CHANNELS: readonly Channel[] = ['chat', 'phone', 'callback', 'web', 'email', 'messenger', 'visit', 'e_otinish'];
const SEVERITIES: readonly OutageSeverity[] = ['info', 'minor', 'major', 'critical'];

/** `<kc-op-outages>`: active and scheduled outages; publish one in kk / ru / en, resolve one. */
@customElement('kc-op-outages')
export class KcOpOutages extends Panel {
  @state() private outages: Outage[] = [];
  @state() private scheduled = false;

  async reload(): Promise<void> {
    await this.run(async () => {
      this.outages = (await this.api.outages()).items;
    });
  }

  handleEvent(e: OperatorEvent): void {
    if (e.event !== 'outage.published' && e.event !== 'outage.updated' && e.event !== 'outage.resolved') return;
    const rest = this.outages.filter((o) => o.id !== e.data.id);
    this.outages = e.data.status === 'resolved' ? rest : [...rest, e.data];
  }

  private async publish(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const formEl = e.target as HTMLFormElement;
    const form = new FormData(formEl);
    const message = localized(form, 'message');
    const channels = form.getAll('channel').filter((c): c is Channel => typeof c === 'string');
    if (!message || channels.length === 0) {
      this.error = `${this.s.outages.channels}: —`;
      return;
    }
    const start = text(form, 'startsAt');
    const expected = text(form, 'expected');
    const input: OutageInput = {
      status: this.scheduled ? 'scheduled' : 'active',
      severity: (text(form, 'severity') ?? 'major') as OutageSeverity,
      affectedChannels: channels,
      message,
      startedAt: this.scheduled && start ? zonedDateTime(start) : new Date().toISOString(),
      expectedResumeAt: expected ? zonedDateTime(expected) : null,
    };
    const outage = await this.run(() => this.api.publishOutage(input), this.s.outages.published);
    if (outage) {
      this.handleEvent({ id: '', event: 'outage.published', data: outage });
      formEl.reset();
      this.scheduled = false;
    }
  }

  private async resolve(id: string): Promise<void> {
    const outage = await this.run(() => this.api.resolveOutage(id), this.s.outages.resolved);
    if (outage) this.handleEvent({ id: '', event: 'outage.resolved', data: outage });
  }

  protected override render(): TemplateResult {
    const s = this.s.outages;
    const l = this.locale;
    return html`<h2>${s.heading}</h2>
      ${this.messages()}
      ${
        this.outages.length === 0
          ? html`<p class="empty">${s.none}</p>`
          : html`<ul class="outages">
              ${this.outages.map(
                (o) =>
                  html`<li>
                    <strong>${s.severities[o.severity]}</strong> ·
                    ${o.affectedChannels.map((c) => this.s.channel[c]).join(', ')}
                    <p class="text">${pick(o.message, l)}</p>
                    <p class="meta">
                      ${s.started}:
                      ${formatDateTime(o.startedAt, l)}${o.status === 'scheduled' ? ` (${s.scheduled})` : ''}
                      ${o.expectedResumeAt ? html`· ${s.expected}: ${formatDateTime(o.expectedResumeAt, l)}` : nothing}
                    </p>
                    <button type="button" ?disabled=${this.busy} @click=${() => void this.resolve(o.id)}>
                      ${s.resolve}
                    </button>
                  </li>`,
              )}
            </ul>`
      }
      <form class="publish" @submit=${(e: SubmitEvent) => void this.publish(e)}>
        <h3>${s.publish}</h3>
        ${this.localizedFields('message', s.message, null, true, true)}
        <label for="kc-severity">${s.severity}</label>
        <select id="kc-severity" name="severity">
          ${SEVERITIES.map((v) => html`<option value=${v} ?selected=${v === 'major'}>${s.severities[v]}</option>`)}
        </select>
        <fieldset>
          <legend>${s.channels}</legend>
          ${CHANNELS.map(
            (c) =>
              html`<label class="check"
                ><input type="checkbox" name="channel" value=${c} /> ${this.s.channel[c]}</label
              >`,
          )}
        </fieldset>
        <fieldset>
          <legend>${s.statusLabel}</legend>
          <label class="check"
            ><input type="radio" name="when" .checked=${!this.scheduled} @change=${() => (this.scheduled = false)} />
            ${s.activeNow}</label
          >
          <label class="check"
            ><input type="radio" name="when" .checked=${this.scheduled} @change=${() => (this.scheduled = true)} />
            ${s.scheduled}</label
          >
          ${
            this.scheduled
              ? html`<label for="kc-starts">${s.startsAt}</label>
                  <input id="kc-starts" name="startsAt" type="datetime-local" required .value=${localNow()} />`
              : nothing
          }
        </fieldset>
        <label for="kc-expected">${s.expected}</label>
        <input id="kc-expected" name="expected" type="datetime-local" />
        <button type="submit" class="primary" ?disabled=${this.busy}>${s.submit}</button>
      </form>`;
  }
}

const OPEN_CALLBACKS: readonly CallbackStatus[] = ['requested', 'scheduled', 'in_progress'];
const OUTCOMES: readonly CallbackOutcome[] = ['reached', 'no_answer', 'busy', 'wrong_number'];

/** `<kc-op-callbacks>`: callbacks waiting, due first; record a call (done when reached). */
@customElement('kc-op-callbacks')
export class KcOpCallbacks extends Panel {
  @state() private items: OperatorCallback[] = [];

  async reload(): Promise<void> {
    await this.run(async () => {
      this.items = (await this.api.callbacks({ status: OPEN_CALLBACKS })).items;
    });
  }

  handleEvent(e: OperatorEvent): void {
    if (e.event !== 'callback.requested' && e.event !== 'callback.updated') return;
    this.upsert(e.data);
  }

  private upsert(c: OperatorCallback): void {
    const i = this.items.findIndex((x) => x.id === c.id);
    const open = OPEN_CALLBACKS.includes(c.status);
    if (i === -1) {
      if (open) this.items = [...this.items, c];
    } else {
      this.items = open ? this.items.map((x) => (x.id === c.id ? c : x)) : this.items.filter((x) => x.id !== c.id);
    }
  }

  private async record(e: SubmitEvent, id: string): Promise<void> {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const outcome = (text(form, 'outcome') ?? 'reached') as CallbackOutcome;
    const done = await this.run(
      () =>
        this.api.completeCallback(id, {
          outcome,
          resolved: outcome === 'reached' ? form.get('resolved') === 'on' : undefined,
          retry: outcome === 'reached' ? undefined : form.get('retry') === 'on',
        }),
      this.s.callbacks.recorded,
    );
    if (done) this.upsert(done);
  }

  private when(c: OperatorCallback): string {
    if (c.asap || !c.slot) return this.s.callbacks.asap;
    return formatDateTime(c.slot.start, this.locale);
  }

  protected override render(): TemplateResult {
    const s = this.s.callbacks;
    return html`<h2>${s.heading}</h2>
      ${this.messages()}
      ${
        this.items.length === 0
          ? html`<p class="empty">${s.none}</p>`
          : html`<ul class="callbacks">
              ${this.items.map(
                (c) =>
                  html`<li>
                    <p>
                      <strong>${c.name ?? '—'}</strong> · <a href="tel:${c.phone}">${c.phone}</a> ·
                      ${c.language.toUpperCase()} · ${this.when(c)} · ${s.status[c.status]} · ${s.attempts}:
                      ${c.attempts}
                    </p>
                    <p class="text">${c.topic}</p>
                    <form class="row" @submit=${(e: SubmitEvent) => void this.record(e, c.id)}>
                      <label for="kc-cb-${c.id}">${s.outcomeLabel}</label>
                      <select id="kc-cb-${c.id}" name="outcome">
                        ${OUTCOMES.map((o) => html`<option value=${o}>${s.outcome[o]}</option>`)}
                      </select>
                      <label class="check"><input type="checkbox" name="resolved" checked /> ${s.resolvedQ}</label>
                      <label class="check"><input type="checkbox" name="retry" checked /> ${s.retry}</label>
                      <button type="submit" ?disabled=${this.busy}>${s.record}</button>
                    </form>
                  </li>`,
              )}
            </ul>`
      }`;
  }
}

/** `<kc-op-report>`: the indicator report for a period, with the form's labels in kk and ru, and its CSV. */
@customElement('kc-op-report')
export class KcOpReport extends Panel {
  @state() private report: IndicatorReport | undefined;
  @state() private from = localDate().slice(0, 8) + '01';
  @state() private to = localDate();

  async reload(): Promise<void> {
    this.report = undefined;
    return Promise.resolve();
  }

  handleEvent(): void {}

  private period(e: Event): void {
    const form = new FormData((e.target as HTMLElement).closest('form')!);
    this.from = text(form, 'from') ?? this.from;
    this.to = text(form, 'to') ?? this.to;
  }

  private async show(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    this.period(e);
    const report = await this.run(() => this.api.report(this.from, this.to));
    if (report) this.report = report;
  }

  private async csv(e: Event): Promise<void> {
    this.period(e);
    const { from, to } = this;
    const blob = await this.run(() => this.api.reportCsv(from, to));
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `kc-indicators-${from}-${to}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private value(v: number | null): string {
    return v === null
      ? this.s.report.noData
      : new Intl.NumberFormat(this.locale === 'kk' ? 'kk-KZ' : this.locale).format(v);
  }

  private renderReport(r: IndicatorReport): TemplateResult {
    const s = this.s.report;
    const indicators = Object.values(r.indicators);
    return html`<table>
        <caption>
          ${s.indicators} · ${r.period.from} — ${r.period.to}
        </caption>
        <thead>
          <tr>
            <th scope="col">${s.labelKk}</th>
            <th scope="col">${s.labelRu}</th>
            <th scope="col">${s.value}</th>
            <th scope="col">${s.unit}</th>
            <th scope="col">${s.target}</th>
            <th scope="col">${s.met}</th>
            <th scope="col">${s.sample}</th>
          </tr>
        </thead>
        <tbody>
          ${indicators.map(
            (i) =>
              html`<tr>
                <th scope="row">${i.label.kk}</th>
                <td>${i.label.ru}</td>
                <td>${this.value(i.value)}</td>
                <td>${s.units[i.unit]}</td>
                <td>${i.target.better === 'lower' ? '≤' : '≥'} ${i.target.target}</td>
                <td>${i.met === null ? '—' : i.met ? this.s.yes : this.s.no}</td>
                <td>${i.sampleSize}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <table>
        <caption>
          ${s.form} · ${r.period.from} — ${r.period.to}
        </caption>
        <thead>
          <tr>
            <th scope="col">${s.row}</th>
            <th scope="col">${s.labelKk}</th>
            <th scope="col">${s.labelRu}</th>
            <th scope="col">${s.unit}</th>
            <th scope="col">${s.value}</th>
          </tr>
        </thead>
        <tbody>
          ${r.form.rows.map(
            (row) =>
              html`<tr>
                <th scope="row">${row.row}</th>
                <td>${row.label.kk}</td>
                <td>${row.label.ru}</td>
                <td>${row.unit.kk} / ${row.unit.ru}</td>
                <td>${this.value(row.value)}</td>
              </tr>`,
          )}
        </tbody>
      </table>`;
  }

  protected override render(): TemplateResult {
    const s = this.s.report;
    return html`<h2>${s.heading}</h2>
      ${this.messages()}
      <form class="row" @submit=${(e: SubmitEvent) => void this.show(e)}>
        <span>
          <label for="kc-from">${s.from}</label>
          <input id="kc-from" name="from" type="date" required .value=${this.from} />
        </span>
        <span>
          <label for="kc-to-date">${s.to}</label>
          <input id="kc-to-date" name="to" type="date" required .value=${this.to} />
        </span>
        <button type="submit" class="primary" ?disabled=${this.busy}>${s.show}</button>
        <button type="button" ?disabled=${this.busy} @click=${(e: Event) => void this.csv(e)}>${s.csv}</button>
      </form>
      ${this.report ? this.renderReport(this.report) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kc-op-outages': KcOpOutages;
    'kc-op-callbacks': KcOpCallbacks;
    'kc-op-report': KcOpReport;
  }
}
