// SPDX-License-Identifier: MIT
import { addLocalDays, zonedToInstant } from '@kc/contract';
import { requireOperator } from './complaints/complaints.js';
import type { CallContext } from './context.js';
import type { Kernel } from './kernel.js';
import { fail, invalid, ok, type Result } from './result.js';
import type { CallbackRecord, ChatSessionRecord, ComplaintRecord, RatingRecord } from './store/store.js';
import type { Channel, FormRow, Indicator, IndicatorReport, IndicatorTarget, LocalizedText } from './wire.js';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The raw material of a report: what happened in the period. */
export interface PeriodData {
  chats: ChatSessionRecord[];
  callbacks: CallbackRecord[];
  complaints: ComplaintRecord[];
  ratings: RatingRecord[];
}

/** Appendix 1 targets (file 001, order 443/НҚ as amended). */
export const TARGETS = {
  averageWaitSeconds: { better: 'lower', limit: 60, target: 40 },
  satisfactionPoints: { better: 'higher', limit: 4.25, target: 5 },
  satisfactionPercent: { better: 'higher', limit: 85, target: 100 },
  fcrPercent: { better: 'higher', limit: 80, target: 85 },
  abandonedPercent: { better: 'lower', limit: 10, target: 5 },
} as const satisfies Record<string, IndicatorTarget>;

const round1 = (n: number): number => Math.round(n * 10) / 10;
/** Points keep two decimals: the limit is 4.25. */
const round = (n: number, unit: string): number => (unit === 'points' ? Math.round(n * 100) / 100 : round1(n));
const mean = (values: number[]): number | null =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
const secondsBetween = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / 1000;

function indicator(
  label: LocalizedText,
  unit: Indicator['unit'],
  value: number | null,
  sampleSize: number,
  target: IndicatorTarget,
): Indicator {
  const v = value === null ? null : round(value, unit);
  return {
    label,
    unit,
    value: v,
    sampleSize,
    target,
    met: v === null ? null : target.better === 'lower' ? v <= target.limit : v >= target.limit,
  };
}

const UNITS = {
  count: { kk: 'дана', ru: 'штук', en: 'count' },
  seconds: { kk: 'секунд', ru: 'секунд', en: 'seconds' },
  points: { kk: 'балл', ru: 'балл', en: 'points' },
  percent: { kk: 'пайызбен', ru: 'в процентах', en: 'percent' },
  minutes: { kk: 'минут', ru: 'минут', en: 'minutes' },
} satisfies Record<string, LocalizedText>;

/** Rows 13–20 of form ОДКЦ-01 (Appendix 2) with the Russian wording of the form and its Kazakh rendering. */
export const FORM_ROWS: Record<13 | 14 | 15 | 16 | 17 | 18 | 19 | 20, { label: LocalizedText; unit: LocalizedText }> = {
  13: {
    label: {
      kk: 'Қабылданған өтініштердің жалпы саны',
      ru: 'Общее количество принятых обращений',
      en: 'Appeals received, total',
    },
    unit: UNITS.count,
  },
  14: {
    label: {
      kk: 'Байланыс арналары бөлінісінде қабылданған өтініштер саны',
      ru: 'Количество принятых обращений, в разрезе каналов связи',
      en: 'Appeals received, by channel',
    },
    unit: UNITS.count,
  },
  15: {
    label: {
      kk: 'Клиент телефон байланыс арналары арқылы дауыстық мәзірді тыңдағаннан кейін хабарласқандағы орташа күту уақыты',
      ru: 'Среднее время ожидания при обращении клиента по телефонным каналам связи после прослушивания голосового меню',
      en: 'Average wait after the voice menu',
    },
    unit: UNITS.seconds,
  },
  16: {
    label: {
      kk: 'Клиенттердің қанағаттану деңгейі, балдық шкала бойынша',
      ru: 'Уровень удовлетворенности клиентов, по балльной шкале',
      en: 'Customer satisfaction, points',
    },
    unit: UNITS.points,
  },
  17: {
    label: {
      kk: 'Мәселесі алғашқы өтініште шешілген клиенттер өтініштерінің үлесі',
      ru: 'Доля обращений клиентов, при которых вопрос решен при первичном обращении',
      en: 'First-contact resolution',
    },
    unit: UNITS.percent,
  },
  18: {
    label: { kk: 'Жоғалған қоңыраулардың үлесі', ru: 'Доля потерянных вызовов', en: 'Abandoned contacts' },
    unit: UNITS.percent,
  },
  19: {
    label: {
      kk: 'Оператордың бір өтінімді өңдеуінің орташа уақыты',
      ru: 'Среднее время обработки заявки оператором',
      en: 'Average handling time per request',
    },
    unit: UNITS.minutes,
  },
  20: {
    label: {
      kk: 'Байланыс орталығының және байланыс орталығы операторларының қызметіне расталған шағымдар саны',
      ru: 'Количество подтвержденных жалоб на деятельность контакт-центра и операторов контакт-центра',
      en: 'Confirmed complaints about the contact center and its operators',
    },
    unit: UNITS.count,
  },
};

const WEB_CHAT_NOTE: LocalizedText = {
  kk: 'Веб-чаттағы күту уақыты бойынша есептелді.',
  ru: 'Рассчитано по времени ожидания в веб-чате.',
  en: 'Computed from web chat waits.',
};

/**
 * Computes the Appendix 1 indicators and the computable rows of ОДКЦ-01 from a period's records. Pure: the same
 * data always gives the same report.
 *
 * - average wait: chats that reached an operator, from start to the operator joining;
 * - satisfaction: mean CSAT of the period's ratings, and that mean as a share of 5 (4.25 points = 85 %);
 * - FCR: the share of ratings answering "solved" (the citizen's own word);
 * - abandoned: chats that ended before any operator joined, of the chats that ended or were answered;
 * - handling time (row 19): chats from the operator joining to closing;
 * - confirmed complaints (row 20): complaints in the contact center's own category answered as (partially) satisfied.
 */
export function computeReport(
  data: PeriodData,
  period: IndicatorReport['period'],
  generatedAt: string,
  contactCenterCategory: string,
): IndicatorReport {
  const answered = data.chats.filter((c) => c.firstAssignedAt !== null);
  const waits = answered.map((c) => secondsBetween(c.createdAt, c.firstAssignedAt!));
  const abandoned = data.chats.filter((c) => c.status === 'closed' && c.firstAssignedAt === null);
  const decided = answered.length + abandoned.length;
  const csat = data.ratings.map((r) => r.csat);
  const csatMean = mean(csat);
  const solved = data.ratings.filter((r) => r.resolved).length;
  const handled = answered
    .filter((c) => c.closedAt !== null)
    .map((c) => secondsBetween(c.firstAssignedAt!, c.closedAt!) / 60);
  const confirmed = data.complaints.filter(
    (c) =>
      c.kind === 'complaint' &&
      (c.category.id === contactCenterCategory || c.category.id.startsWith(`${contactCenterCategory}.`)) &&
      (c.resolution?.outcome === 'satisfied' || c.resolution?.outcome === 'partially_satisfied'),
  ).length;

  const byChannel = new Map<Channel, number>();
  const count = (channel: Channel): void => void byChannel.set(channel, (byChannel.get(channel) ?? 0) + 1);
  data.chats.forEach(() => count('chat'));
  data.callbacks.filter((c) => c.status !== 'cancelled').forEach(() => count('callback'));
  data.complaints.forEach((c) => count(c.channel));
  const total = [...byChannel.values()].reduce((a, b) => a + b, 0);

  const averageWait = mean(waits);
  const fcr = data.ratings.length ? (solved / data.ratings.length) * 100 : null;
  const abandonedShare = decided ? (abandoned.length / decided) * 100 : null;
  const handling = mean(handled);
  const indicators: IndicatorReport['indicators'] = {
    averageWaitSeconds: indicator(
      { kk: 'Орташа күту уақыты', ru: 'Среднее время ожидания', en: 'Average wait' },
      'seconds',
      averageWait,
      waits.length,
      TARGETS.averageWaitSeconds,
    ),
    satisfactionPoints: indicator(
      { kk: 'Қанағаттану деңгейі (балл)', ru: 'Уровень удовлетворённости (балл)', en: 'Satisfaction (points)' },
      'points',
      csatMean,
      csat.length,
      TARGETS.satisfactionPoints,
    ),
    satisfactionPercent: indicator(
      { kk: 'Қанағаттану деңгейі (%)', ru: 'Уровень удовлетворённости (%)', en: 'Satisfaction (%)' },
      'percent',
      csatMean === null ? null : (csatMean / 5) * 100,
      csat.length,
      TARGETS.satisfactionPercent,
    ),
    fcrPercent: indicator(
      {
        kk: 'Алғашқы өтініште шешілген үлес (FCR)',
        ru: 'Доля решённых при первичном обращении (FCR)',
        en: 'First-contact resolution (FCR)',
      },
      'percent',
      fcr,
      data.ratings.length,
      TARGETS.fcrPercent,
    ),
    abandonedPercent: indicator(
      { kk: 'Жоғалған өтініштер үлесі', ru: 'Доля потерянных обращений', en: 'Abandoned contacts' },
      'percent',
      abandonedShare,
      decided,
      TARGETS.abandonedPercent,
    ),
  };
  const row = (n: keyof typeof FORM_ROWS, value: number | null, extra: Partial<FormRow> = {}): FormRow => ({
    row: n,
    label: FORM_ROWS[n].label,
    unit: FORM_ROWS[n].unit,
    value: value === null ? null : round(value, n === 16 ? 'points' : ''),
    ...extra,
  });
  return {
    period,
    generatedAt,
    indicators,
    form: {
      index: 'ОДКЦ-01',
      rows: [
        row(13, total),
        row(14, total, { byChannel: [...byChannel].map(([channel, value]) => ({ channel, value })) }),
        row(15, averageWait, { note: WEB_CHAT_NOTE }),
        row(16, csatMean),
        row(17, fcr),
        row(18, abandonedShare, { note: WEB_CHAT_NOTE }),
        row(19, handling, { note: WEB_CHAT_NOTE }),
        row(20, confirmed),
      ],
    },
  };
}

/** The form rows as CSV: UTF-8 with BOM, `;`-separated, `row;label_kk;label_ru;unit_kk;unit_ru;value`. */
export function reportCsv(report: IndicatorReport): string {
  const cell = (text: string): string => (/[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = ['row;label_kk;label_ru;unit_kk;unit_ru;value'];
  for (const r of report.form.rows) {
    lines.push(
      [String(r.row), r.label.kk, r.label.ru, r.unit.kk, r.unit.ru, r.value === null ? '' : String(r.value)]
        .map(cell)
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The indicator report for the operator API. */
export class Indicators {
  constructor(
    private readonly k: Kernel,
    private readonly contactCenterCategory: string,
  ) {}

  /** `getIndicatorReport` (supervisor): the report for local dates `from`–`to` inclusive, as JSON or CSV. */
  async getIndicatorReport(input: {
    query: { from: string; to: string; format?: 'json' | 'csv' };
    ctx?: CallContext;
  }): Promise<Result<IndicatorReport | string>> {
    const denied = requireOperator(input.ctx, 'supervisor');
    if (denied) return denied;
    const { from, to } = input.query;
    if (!LOCAL_DATE.test(from) || !LOCAL_DATE.test(to)) {
      return fail(400, 'validation_failed', {
        errors: [
          { field: LOCAL_DATE.test(from) ? 'query.to' : 'query.from', code: 'format', message: 'Must be YYYY-MM-DD.' },
        ],
      });
    }
    if (to < from) return invalid([{ field: 'query.to', code: 'range', message: 'Must not be before from.' }]);
    const tz = this.k.config.schedule.timeZone;
    const start = zonedToInstant(from, '00:00', tz).toISOString();
    const end = zonedToInstant(addLocalDays(to, 1), '00:00', tz).toISOString();
    const store = this.k.store;
    const [chats, callbacks, complaints, ratings] = await Promise.all([
      store.chats.listCreated(start, end),
      store.callbacks.listCreated(start, end),
      collect((after) => store.complaints.list({ from: start, to: end }, { limit: 500, after })),
      store.ratings.listCreated(start, end),
    ]);
    const report = computeReport(
      { chats, callbacks, complaints, ratings },
      { from, to, timeZone: tz },
      this.k.iso(),
      this.contactCenterCategory,
    );
    if (input.query.format === 'csv') return ok(200, reportCsv(report), { 'Content-Type': 'text/csv; charset=utf-8' });
    return ok(200, report);
  }
}

async function collect<T>(
  page: (after: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const all: T[] = [];
  let after: string | null = null;
  do {
    const result = await page(after);
    all.push(...result.items);
    after = result.nextCursor;
  } while (after !== null);
  return all;
}
