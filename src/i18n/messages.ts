/**
 * src/i18n owns every user-facing text: one catalogue per language (`en.ts`, `zh.ts`) that every
 * surface reads. It imports only domain types.
 */
import type { Bilingual, Lang } from '../domain/types.js';
import { en } from './en.js';
import { zh } from './zh.js';

/** The English catalogue's shape with literal strings widened, so every language fills the same keys. */
type Widen<T> = T extends (...args: infer A) => string
  ? (...args: A) => string
  : T extends string
    ? string
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : { [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof en>;

const MESSAGES: Record<Lang, Messages> = { en, zh };

/** The texts in one language. */
export const messages = (lang: Lang): Messages => MESSAGES[lang];

/** One text in both languages, for surfaces that show or store both. */
export const bilingual = (pick: (m: Messages) => string): Bilingual => ({ zh: pick(zh), en: pick(en) });
