// SPDX-License-Identifier: MIT
import { randomUUID } from 'node:crypto';
import { demoConfig, demoSettings, type Backend, type CallContext, type Result } from '@kc/backend';
import type { CallbackInput, ComplaintDraft, ComplaintTransitionInput, OutageInput } from '@kc/contract';
import type { SqlStore } from './store/sql-store.js';

/** What {@link seedDemoData} filed, for the banner and for tests. */
export interface DemoData {
  /** Tracking numbers of the sample appeals, with their status. */
  readonly complaints: ReadonlyArray<{ trackingNumber: string; status: string }>;
  /** Whether a resolved outage was recorded. */
  readonly outage: boolean;
  /** Whether a callback request was recorded. */
  readonly callback: boolean;
}

const consent = { given: true, version: demoConfig.privacy.version } as const;

type Applicant = ComplaintDraft['applicant'];
// Made-up people; the IINs carry valid check digits and birth dates, as the contract requires.
const applicant = (
  iin: string,
  lastName: string,
  firstName: string,
  phone: string,
  lang: 'kk' | 'ru' | 'en',
): Applicant => ({ iin, lastName, firstName, phone, preferredLanguage: lang, preferredContact: 'phone' });

/** Sample appeals and the status changes each goes through, so that every column of the console has something. */
const APPEALS: ReadonlyArray<{ draft: Omit<ComplaintDraft, 'consent'>; steps: ComplaintTransitionInput[] }> = [
  {
    draft: {
      kind: 'complaint',
      categoryId: 'utilities.heating',
      subject: 'Пәтерде жылу жоқ',
      description: 'Абай көшесі 12 үйде үш күннен бері жылу жоқ. Балалар тоңып жүр.',
      applicant: applicant('900101300017', 'Сейтқали', 'Әйгерім', '+77011234567', 'kk'),
      channel: 'web',
    },
    steps: [],
  },
  {
    draft: {
      kind: 'complaint',
      categoryId: 'roads.lighting',
      subject: 'Не горят фонари во дворе',
      description: 'Во дворе дома 5 по улице Толе би уже две недели не горят фонари, вечером темно и опасно.',
      applicant: applicant('850305400120', 'Иванова', 'Мария', '+77017654321', 'ru'),
      channel: 'web',
    },
    steps: [{ to: 'in_review', note: 'Передано в службу наружного освещения.' }],
  },
  {
    draft: {
      kind: 'request',
      categoryId: 'social.benefits',
      subject: 'Child benefit',
      description: 'How do I apply for the child benefit after moving to the city? Which documents are needed?',
      applicant: applicant('921112300340', 'Smith', 'John', '+77012223344', 'en'),
      channel: 'web',
    },
    steps: [
      { to: 'in_review' },
      {
        to: 'answered',
        resolution: {
          outcome: 'satisfied',
          text: 'Apply at any Public Service Center or on egov.kz with your ID and the child’s birth certificate.',
        },
      },
    ],
  },
  {
    draft: {
      kind: 'proposal',
      categoryId: 'roads.yards',
      subject: 'Балалар алаңы',
      description: 'Сарыарқа ауданындағы 7-үйдің ауласына балалар алаңын салуды ұсынамын.',
      applicant: applicant('780623300563', 'Оспанов', 'Ерлан', '+77015556677', 'kk'),
      channel: 'phone',
    },
    steps: [{ to: 'in_review' }, { to: 'awaiting_citizen', reason: 'Ауланың нақты мекенжайын көрсетіңізші.' }],
  },
];

const OUTAGE: Omit<OutageInput, 'startedAt'> = {
  status: 'active',
  severity: 'minor',
  affectedChannels: ['chat'],
  message: {
    kk: 'Онлайн-чат жоспарлы жұмыстарға байланысты уақытша қолжетімсіз болды.',
    ru: 'Онлайн-чат был временно недоступен из-за плановых работ.',
    en: 'The online chat was briefly unavailable for planned maintenance.',
  },
  expectedResumeAt: null,
};

function expectOk<T>(what: string, result: Result<T>): T {
  if (!result.ok)
    throw new Error(`[kc] demo data: ${what} was refused (${result.status} ${JSON.stringify(result.body)})`);
  return result.body;
}

/**
 * Fills a new database with a few sample records, so that the operator console of `npm start` is not empty: four
 * appeals in different statuses (registered, in review, answered, awaiting the citizen), one outage already
 * resolved (so the portal shows no banner), and one callback request; nothing when appeals exist already. Everything goes through the backend's own
 * operations, as a citizen and an operator would do it. Pass it as {@link ServerOptions.seed}: the server runs it
 * once per database and keeps a marker, so a restart does not add the records again.
 *
 * @example
 * ```ts
 * await runServer({ seed: async (backend, store) => void (await seedDemoData(backend, store)) });
 * ```
 */
export async function seedDemoData(backend: Backend, store: SqlStore): Promise<DemoData> {
  const supervisor = (demoSettings.operators ?? []).find((o) => o.roles.includes('supervisor'));
  const operator: CallContext['operator'] = { id: supervisor?.id ?? 'demo', role: 'supervisor' };
  const citizen = (): CallContext => ({ idempotencyKey: randomUUID(), clientId: 'demo-data' });
  const staff = (): CallContext => ({ idempotencyKey: randomUUID(), clientId: 'demo-data', operator });

  const complaints: Array<{ trackingNumber: string; status: string }> = [];
  // A database from before demo data existed already holds someone's records: leave it as it is.
  if ((await store.complaints.list({}, { limit: 1 })).items.length > 0) {
    return { complaints, outage: false, callback: false };
  }
  for (const { draft, steps } of APPEALS) {
    const receipt = expectOk(
      'an appeal',
      await backend.submitComplaint({ body: { ...draft, consent }, ctx: citizen() }),
    );
    const id = (await store.complaints.getByTrackingNumber(receipt.trackingNumber))?.id;
    if (!id) throw new Error('[kc] demo data: a sample appeal was not stored');
    let status = 'registered';
    for (const step of steps) {
      const changed = expectOk(
        `the status change to ${step.to}`,
        await backend.changeComplaintStatus({ params: { complaintId: id }, body: step, ctx: staff() }),
      );
      status = changed.status;
    }
    complaints.push({ trackingNumber: receipt.trackingNumber, status });
  }

  const started = new Date(Date.now() - 3 * 3600_000).toISOString();
  const outage = expectOk(
    'an outage',
    await backend.publishOutage({ body: { ...OUTAGE, startedAt: started }, ctx: staff() }),
  );
  expectOk('resolving the outage', await backend.resolveOutage({ params: { outageId: outage.id }, ctx: staff() }));

  // The first free slot of the next two weeks (the center may be closed now, so not "as soon as possible").
  const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const slots = expectOk('callback slots', await backend.getCallbackSlots({ query: { from: day(1), to: day(14) } }));
  const slot = slots.slots.find((s) => s.available);
  let callback = false;
  if (slot) {
    const input: CallbackInput = {
      phone: '+77019998877',
      name: 'Дана',
      topic: 'Коммуналдық төлемдер бойынша кеңес',
      categoryId: 'utilities.water',
      language: 'kk',
      when: { slotStart: slot.start },
      consent,
    };
    expectOk('a callback request', await backend.requestCallback({ body: input, ctx: citizen() }));
    callback = true;
  }
  return { complaints, outage: true, callback };
}
