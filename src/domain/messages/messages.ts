/**
 * Every user-facing text, one catalogue per language (`en.ts`, `zh.ts`), read by every surface:
 * Slack, the terminal, the playground, and the domain's own notices (the combiner, the unsure
 * card, the recommender's reasons). It lives under src/domain because the domain phrases those
 * notices and may import only itself; the catalogues are pure data with no imports, so every
 * layer above can read them too.
 */
import type { Bilingual, Lang } from '../types.js';
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

/**
 * One text in both languages, for surfaces that show or store both. `pick` also gets the language,
 * for values that have one per language (a playbook name).
 */
export const bilingual = (pick: (m: Messages, lang: Lang) => string): Bilingual => ({
  zh: pick(zh, 'zh'),
  en: pick(en, 'en'),
});
