// SPDX-License-Identifier: MIT
import { ok, type Result } from './result.js';
import type { Kernel } from './kernel.js';
import type { KbArticle, KbSearchResult, Locale } from './wire.js';

/** A knowledge-base article with optional search keywords per language (not sent to clients). */
export interface KbArticleData extends KbArticle {
  keywords?: Partial<Record<Locale, string[]>>;
}

const LOCALES: Locale[] = ['kk', 'ru', 'en'];

/** Lower-cased words of a text: letters (Kazakh ones included) and digits. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * Whether a query word matches a text word. Kazakh and Russian are inflected (`зейнетақы`, `зейнетақыны`;
 * `пенсия`, `пенсии`), so words sharing their first five letters (or equal, when shorter) match: a crude stem that
 * needs no dictionary.
 */
function matches(query: string, word: string): boolean {
  if (query === word) return true;
  const stem = Math.min(5, query.length, word.length);
  return stem >= 4 && query.length >= 4 && word.length >= 4 && query.slice(0, stem) === word.slice(0, stem);
}

/** Scores an article for the query words: title and keywords weigh 3, summary 2, body 1; other languages half. */
export function scoreArticle(article: KbArticleData, query: string[], locale: Locale): number {
  let score = 0;
  for (const lang of LOCALES) {
    const weight = lang === locale ? 1 : 0.5;
    const fields: [string[], number][] = [
      [words(article.title[lang]), 3],
      [(article.keywords?.[lang] ?? []).flatMap(words), 3],
      [words(article.summary[lang]), 2],
      [words(article.body[lang]), 1],
    ];
    for (const q of query) {
      let best = 0;
      for (const [list, fieldWeight] of fields) if (list.some((w) => matches(q, w))) best = Math.max(best, fieldWeight);
      score += best * weight;
    }
  }
  return score;
}

/** The knowledge base (clause 10): simple, language-aware search ranked by matched terms. */
export class KnowledgeBase {
  constructor(private readonly k: Kernel) {}

  /**
   * `searchKnowledgeBase`: articles matching `q`, best first; `locale` ranks matches in that language higher.
   * Never logs or stores the query (it may contain personal data despite the advice).
   */
  searchKnowledgeBase(input: {
    query: { q: string; locale?: Locale; categoryId?: string; limit?: number };
  }): Promise<Result<KbSearchResult>> {
    const { q, categoryId } = input.query;
    const locale = input.query.locale ?? this.k.config.defaultLocale;
    const limit = Math.min(Math.max(input.query.limit ?? 5, 1), 20);
    const terms = [...new Set(words(q).filter((w) => w.length >= 2))];
    const scored = this.k.settings.knowledgeBase
      .filter(
        (a) => categoryId === undefined || a.categoryId === categoryId || a.categoryId?.startsWith(`${categoryId}.`),
      )
      .map((article) => ({ article, score: scoreArticle(article, terms, locale) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || (a.article.id < b.article.id ? -1 : 1))
      .slice(0, limit);
    return Promise.resolve(
      ok(200, {
        query: q.slice(0, 200),
        items: scored.map(({ article }) => {
          const { keywords: _keywords, ...wire } = article;
          return wire;
        }),
      }),
    );
  }
}
