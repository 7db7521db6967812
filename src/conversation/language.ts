import { detectLang } from '../domain/lang.js';
import type { Lang } from '../domain/types.js';
import type { UserSettings } from '../store/ports.js';

/** The user's setting wins; "auto" answers in the language the RM wrote in, else the thread's. */
export const resolveLang = (setting: UserSettings['lang'], text: string, fallback: Lang = 'en'): Lang =>
  setting === 'auto' ? detectLang(text, fallback) : setting;

const CLASSIFY_NOW = /^\s*(?:classify\s*(?:it\s*)?now|just\s+classify|直接分类|现在分类|马上分类)\s*(?:[!！.。]\s*)?$/i;

/** "classify now" / "直接分类" typed as a message skips any remaining follow-up question. */
export const isClassifyNow = (text: string): boolean => CLASSIFY_NOW.test(text);
