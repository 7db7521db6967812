import { detectLang } from '../domain/lang.js';
import type { Lang } from '../domain/types.js';
import type { UserSettings } from '../store/ports.js';

/**
 * The user's setting wins; "auto" answers in the language of the text, else the language the user
 * last wrote in, else the fallback.
 */
export const resolveLang = (settings: UserSettings, text = '', fallback: Lang = 'en'): Lang =>
  settings.lang === 'auto' ? detectLang(text, settings.lastLang ?? fallback) : settings.lang;

const CLASSIFY_NOW = /^\s*(?:classify\s*(?:it\s*)?now|just\s+classify|直接分类|现在分类|马上分类)\s*(?:[!！.。]\s*)?$/i;

/** "classify now" / "直接分类" typed as a message skips any remaining follow-up question. */
export const isClassifyNow = (text: string): boolean => CLASSIFY_NOW.test(text);
