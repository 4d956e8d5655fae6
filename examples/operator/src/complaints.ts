// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type {
  Complaint,
  ComplaintStatus,
  ComplaintSummary,
  ComplaintTransitionInput,
  ComplaintUpdateInput,
  ExternalRef,
  OperatorEvent,
  Resolution,
} from '@kc/contract';
// The transitions the contract allows (`changeComplaintStatus`), from the rules every host runs: the server refuses
// any other with `409`.
import { COMPLAINT_STATUSES as STATUSES, TRANSITIONS } from '@kc/backend';
import { formatDateTime, pick, zonedDateTime } from './i18n.js';
import { Panel, localized, text } from './panel.js';

const REASON_REQUIRED: readonly ComplaintStatus[] = ['rejected', 'escalated', 'awaiting_citizen'];
const OPEN: readonly ComplaintStatus[] = ['registered', 'in_review', 'forwarded', 'escalated', 'awaiting_citizen'];
const OUTCOMES: readonly Resolution['outcome'][] = ['satisfied', 'partially_satisfied', 'not_satisfied', 'explained'];
/** The `system` of an eOtinish number (a lowercase id in the contract). */
const E_OTINISH = 'e-otinish';

type Filter = 'open' | 'all' | ComplaintStatus;

function sameText(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `<kc-op-complaints>`: appeals by due date with a status filter; one appeal with its timeline and actions. */
@customElement('kc-op-complaints')
export class KcOpComplaints extends Panel {
  @state() private filter: Filter = 'open';
  @state() private items: ComplaintSummary[] = [];
  @state() private nextCursor: string | null = null;
  @state() private selected: Complaint | undefined;
  @state() private to: ComplaintStatus | '' = '';
  #lastOpened: string | undefined;

  private statuses(): readonly ComplaintStatus[] | undefined {
    return this.filter === 'all' ? undefined : this.filter === 'open' ? OPEN : [this.filter];
  }

  private inFilter(c: ComplaintSummary): boolean {
    const wanted = this.statuses();
    return !wanted || wanted.includes(c.status);
  }

  async reload(): Promise<void> {
    await this.run(async () => {
      const page = await this.api.complaints({ status: this.statuses() });
      this.items = page.items;
      this.nextCursor = page.nextCursor;
      if (this.selected) this.selected = await this.api.complaint(this.selected.id);
    });
  }

  private async more(): Promise<void> {
    const cursor = this.nextCursor;
    if (!cursor) return;
    await this.run(async () => {
      const page = await this.api.complaints({ status: this.statuses(), cursor });
      const seen = new Set(this.items.map((c) => c.id));
      this.items = [...this.items, ...page.items.filter((c) => !seen.has(c.id))];
      this.nextCursor = page.nextCursor;
    });
  }

  handleEvent(e: OperatorEvent): void {
    if (e.event === 'complaint.registered' || e.event === 'complaint.updated') {
      const rest = this.items.filter((c) => c.id !== e.data.id);
      this.items = this.inFilter(e.data) ? [...rest, e.data] : rest;
      if (this.selected?.id === e.data.id && this.selected.updatedAt !== e.data.updatedAt) void this.refresh();
    } else if (e.event === 'complaint.comment' && this.selected?.id === e.data.complaintId) {
      void this.refresh();
    }
  }

  private categoryName(id: string): string {
    const category = this.categories.find((c) => c.id === id);
    return category ? pick(category.name, this.locale) : id;
  }

  private async refresh(): Promise<void> {
    const id = this.selected?.id;
    if (!id) return;
    const fresh = await this.api.complaint(id).catch(() => undefined);
    if (fresh && this.selected?.id === id) this.selected = fresh;
  }

  private async open(id: string): Promise<void> {
    const complaint = await this.run(() => this.api.complaint(id));
    if (!complaint) return;
    this.selected = complaint;
    this.#lastOpened = id;
    this.to = '';
    await this.updateComplete;
    this.querySelector<HTMLElement>('.complaint h3')?.focus();
  }

  private async back(): Promise<void> {
    this.selected = undefined;
    this.error = '';
    this.notice = '';
    await this.updateComplete;
    this.querySelector<HTMLElement>(`[data-id="${this.#lastOpened ?? ''}"]`)?.focus();
  }

  private onFilter(e: Event): void {
    this.filter = (e.target as HTMLSelectElement).value as Filter;
    void this.reload();
  }

  private async changeStatus(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const c = this.selected;
    if (!c || !this.to) return;
    const form = new FormData(e.target as HTMLFormElement);
    const to = this.to;
    const input: ComplaintTransitionInput = { to, expectedStatus: c.status };
    const reason = text(form, 'reason');
    const note = text(form, 'note');
    if (reason) input.reason = reason;
    if (note) input.note = note;
    if (to === 'forwarded') {
      const bodyName = localized(form, 'body');
      const bodyBin = text(form, 'bin');
      if (bodyName) input.forwardTo = bodyBin ? { bodyName, bodyBin } : { bodyName };
    }
    if (to === 'answered') {
      input.resolution = {
        outcome: (text(form, 'outcome') ?? 'satisfied') as Resolution['outcome'],
        text: text(form, 'answer') ?? '',
      };
    }
    const ref = text(form, 'extRef');
    if (ref) input.externalRefs = [{ system: text(form, 'extSystem') ?? E_OTINISH, reference: ref }];
    const updated = await this.run(
      () => this.api.transition(c.id, input),
      this.s.complaints.changed(this.s.complaints.status[to]),
    );
    if (updated) {
      this.selected = updated;
      this.to = '';
      (e.target as HTMLFormElement).reset();
    }
  }

  private async saveUpdate(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const c = this.selected;
    if (!c) return;
    const form = new FormData(e.target as HTMLFormElement);
    const input: ComplaintUpdateInput = {};
    const due = text(form, 'newDueAt');
    if (due) {
      input.delay = {
        newDueAt: zonedDateTime(due),
        reason: text(form, 'delayReason') ?? '',
        plan: text(form, 'plan') ?? '',
      };
    }
    const department = localized(form, 'department');
    const position = localized(form, 'position');
    if (department && position) {
      const responsible = { department, position };
      if (!sameText(responsible, c.responsible)) input.responsible = responsible;
    }
    const ref = text(form, 'extRef');
    if (ref)
      input.addExternalRefs = [{ system: text(form, 'extSystem') ?? E_OTINISH, reference: ref } satisfies ExternalRef];
    if (Object.keys(input).length === 0) return;
    const updated = await this.run(() => this.api.updateComplaint(c.id, input), this.s.complaints.updated);
    if (updated) {
      this.selected = updated;
      (e.target as HTMLFormElement).reset();
    }
  }

  private renderList(): TemplateResult {
    const s = this.s.complaints;
    const items = [...this.items].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
    return html`<label for="kc-complaint-filter">${s.filter}</label>
      <select id="kc-complaint-filter" @change=${(e: Event) => this.onFilter(e)}>
        <option value="open" ?selected=${this.filter === 'open'}>${s.open}</option>
        <option value="all" ?selected=${this.filter === 'all'}>${s.all}</option>
        ${STATUSES.map((st) => html`<option value=${st} ?selected=${this.filter === st}>${s.status[st]}</option>`)}
      </select>
      ${
        items.length === 0
          ? html`<p class="empty">${s.empty}</p>`
          : html`<table class="complaints">
              <caption class="visually-hidden">
                ${s.heading}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${s.number}</th>
                  <th scope="col">${s.kind}</th>
                  <th scope="col">${s.category}</th>
                  <th scope="col">${s.statusCol}</th>
                  <th scope="col">${s.applicant}</th>
                  <th scope="col">${s.registered}</th>
                  <th scope="col">${s.due}</th>
                </tr>
              </thead>
              <tbody>
                ${items.map(
                  (c) =>
                    html`<tr class=${c.overdue ? 'overdue' : ''}>
                      <th scope="row">
                        <button type="button" class="link" data-id=${c.id} @click=${() => void this.open(c.id)}>
                          ${c.trackingNumber}
                        </button>
                      </th>
                      <td>${s.kinds[c.kind]}</td>
                      <td>${this.categoryName(c.categoryId)}</td>
                      <td class="status">${s.status[c.status]}</td>
                      <td>${c.applicantName}</td>
                      <td>${formatDateTime(c.registeredAt, this.locale)}</td>
                      <td>
                        ${formatDateTime(c.dueAt, this.locale)}
                        ${c.overdue ? html`<strong class="badge">${s.overdue}</strong>` : nothing}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      ${
        this.nextCursor
          ? html`<button type="button" @click=${() => void this.more()}>${this.s.loadMore}</button>`
          : nothing
      }`;
  }

  private renderDetail(c: Complaint): TemplateResult {
    const s = this.s.complaints;
    const l = this.locale;
    const a = c.applicant;
    const name = [a.lastName, a.firstName, a.middleName].filter(Boolean).join(' ');
    return html`<article class="complaint">
      <button type="button" class="link" @click=${() => void this.back()}>← ${s.back}</button>
      <h3 tabindex="-1">${c.trackingNumber} · ${s.kinds[c.kind]}</h3>
      <dl>
        <dt>${s.statusCol}</dt>
        <dd class="status">${s.status[c.status]}</dd>
        <dt>${s.category}</dt>
        <dd>${pick(c.category.name, l)}</dd>
        <dt>${s.registered}</dt>
        <dd>${formatDateTime(c.registeredAt, l)}</dd>
        <dt>${s.due}</dt>
        <dd>${formatDateTime(c.dueAt, l)}</dd>
        <dt>${s.applicant}</dt>
        <dd>${name}${a.organisationName ? ` (${a.organisationName})` : ''}</dd>
        <dt>${s.phone}</dt>
        <dd>${a.phone}</dd>
        ${
          a.email
            ? html`<dt>${s.email}</dt>
                <dd>${a.email}</dd>`
            : nothing
        }
        <dt>${s.responsible}</dt>
        <dd>${pick(c.responsible.department, l)} — ${pick(c.responsible.position, l)}</dd>
        ${
          c.delay
            ? html`<dt>${s.delay}</dt>
                <dd>${formatDateTime(c.delay.newDueAt, l)}: ${pick(c.delay.reason, l)} — ${pick(c.delay.plan, l)}</dd>`
            : nothing
        }
        ${
          c.forwardedTo
            ? html`<dt>${s.forwardedTo}</dt>
                <dd>
                  ${pick(c.forwardedTo.bodyName, l)}${c.forwardedTo.bodyBin ? ` (${c.forwardedTo.bodyBin})` : ''}
                </dd>`
            : nothing
        }
        ${
          c.resolution
            ? html`<dt>${s.resolution}</dt>
                <dd>${s.outcome[c.resolution.outcome]}: ${pick(c.resolution.text, l)}</dd>`
            : nothing
        }
        <dt>${s.externalRefs}</dt>
        <dd>${c.externalRefs.length ? c.externalRefs.map((r) => `${r.system} ${r.reference}`).join(', ') : s.none}</dd>
      </dl>
      ${c.subject ? html`<h4>${c.subject}</h4>` : nothing}
      <h4>${s.description}</h4>
      <p class="text">${c.description}</p>
      <h4>${s.timeline}</h4>
      <ol class="timeline">
        ${c.timeline.map(
          (t) =>
            html`<li>
              <time datetime=${t.at}>${formatDateTime(t.at, l)}</time> · ${s.status[t.status]}
              ${t.note ? html`— <span class="text">${pick(t.note, l)}</span>` : nothing}
              ${t.actor.label ? html`<span class="meta">(${pick(t.actor.label, l)})</span>` : nothing}
            </li>`,
        )}
      </ol>
      ${
        c.comments.length
          ? html`<h4>${s.comments}</h4>
              <ul class="comments">
                ${c.comments.map(
                  (m) =>
                    html`<li>
                      <span class="meta">${pick(m.author.label, l)} · ${formatDateTime(m.createdAt, l)}</span>
                      <span class="text">${m.text}</span>
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      ${this.messages()} ${this.renderTransition(c)} ${this.renderUpdate(c)}
    </article>`;
  }

  private renderTransition(c: Complaint): TemplateResult {
    const s = this.s.complaints;
    const next = TRANSITIONS[c.status];
    if (next.length === 0) return html`<p>${s.noTransitions}</p>`;
    const to = this.to;
    return html`<form class="transition" @submit=${(e: SubmitEvent) => void this.changeStatus(e)}>
      <h4>${s.change}</h4>
      <label for="kc-to">${s.to}</label>
      <select
        id="kc-to"
        name="to"
        required
        @change=${(e: Event) => (this.to = (e.target as HTMLSelectElement).value as ComplaintStatus)}
      >
        <option value="" ?selected=${to === ''}>—</option>
        ${next.map((st) => html`<option value=${st} ?selected=${to === st}>${s.status[st]}</option>`)}
      </select>
      ${
        to
          ? html`<label for="kc-reason">${REASON_REQUIRED.includes(to) ? s.reasonRequired : s.reason}</label>
              <textarea id="kc-reason" name="reason" rows="2" ?required=${REASON_REQUIRED.includes(to)}></textarea>
              ${
                to === 'forwarded'
                  ? html`${this.localizedFields('body', s.forwardBody, null, true)}
                      <label for="kc-bin">${s.bin}</label>
                      <input id="kc-bin" name="bin" inputmode="numeric" pattern="\\d{12}" autocomplete="off" />`
                  : nothing
              }
              ${
                to === 'answered'
                  ? html`<label for="kc-outcome">${s.outcomeLabel}</label>
                      <select id="kc-outcome" name="outcome">
                        ${OUTCOMES.map((o) => html`<option value=${o}>${s.outcome[o]}</option>`)}
                      </select>
                      <label for="kc-answer">${s.answerText}</label>
                      <textarea id="kc-answer" name="answer" rows="3" required></textarea>`
                  : nothing
              }
              <label for="kc-note">${s.note}</label>
              <input id="kc-note" name="note" />
              ${this.externalRefFields('t')}`
          : nothing
      }
      <button type="submit" class="primary" ?disabled=${this.busy || !to}>${s.changeSubmit}</button>
    </form>`;
  }

  private externalRefFields(prefix: string): TemplateResult {
    const s = this.s.complaints;
    return html`<div class="row">
      <span>
        <label for="kc-${prefix}-ext-system">${s.externalSystem}</label>
        <input
          id="kc-${prefix}-ext-system"
          name="extSystem"
          value=${E_OTINISH}
          pattern="[a-z][a-z0-9\\-]{1,31}"
          autocomplete="off"
        />
      </span>
      <span>
        <label for="kc-${prefix}-ext-ref">${s.externalRef}</label>
        <input id="kc-${prefix}-ext-ref" name="extRef" autocomplete="off" />
      </span>
    </div>`;
  }

  private renderUpdate(c: Complaint): TemplateResult {
    const s = this.s.complaints;
    if (TRANSITIONS[c.status].length === 0) return html``;
    return html`<details>
      <summary>${s.update}</summary>
      <form class="update" @submit=${(e: SubmitEvent) => void this.saveUpdate(e)}>
        <fieldset>
          <legend>${s.delay}</legend>
          <label for="kc-due">${s.newDueAt}</label>
          <input id="kc-due" name="newDueAt" type="datetime-local" />
          <label for="kc-delay-reason">${s.reason}</label>
          <textarea id="kc-delay-reason" name="delayReason" rows="2"></textarea>
          <label for="kc-plan">${s.plan}</label>
          <textarea id="kc-plan" name="plan" rows="2"></textarea>
        </fieldset>
        ${this.localizedFields('department', s.department, c.responsible.department, true)}
        ${this.localizedFields('position', s.position, c.responsible.position, true)} ${this.externalRefFields('u')}
        <button type="submit" ?disabled=${this.busy}>${s.updateSubmit}</button>
      </form>
    </details>`;
  }

  protected override render(): TemplateResult {
    return html`<h2>${this.s.complaints.heading}</h2>
      ${this.selected ? this.renderDetail(this.selected) : html`${this.messages()} ${this.renderList()}`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kc-op-complaints': KcOpComplaints;
  }
}
