import { CUES } from './cues.js';
import { DISTRESS_ENTRIES } from './distress.js';
import { PARTNERSHIP_ENTRIES } from './partnership.js';
import { STRATEGIC_ENTRIES } from './strategic.js';
import { TRANSACTIONAL_ENTRIES } from './transactional.js';
import type { Lexicon } from './types.js';

export type { CueEntry, CueKind, Lexicon, LexiconEffect, LexiconEntry } from './types.js';

/** Bump when a term, weight or cue changes: it is logged with every decision as part of the rules version. */
export const LEXICON_VERSION = 'lexicon-2026.12.1';

/** The bilingual signal lexicon Quadrant ships with. */
export const DEFAULT_LEXICON: Lexicon = {
  version: LEXICON_VERSION,
  entries: [...STRATEGIC_ENTRIES, ...TRANSACTIONAL_ENTRIES, ...PARTNERSHIP_ENTRIES, ...DISTRESS_ENTRIES],
  cues: CUES,
};
