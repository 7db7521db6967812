import type { CardView } from '../../src/conversation/card.js';

/** The part of a card the block tests are not about: fresh, undecided, unshared. */
export const UNDECIDED = {
  description: 'x',
  createdAt: '2026-11-28T10:00:00.000Z',
  decision: null,
  deciding: [],
  was: null,
  decisionIds: [],
  shares: [],
} satisfies Partial<CardView>;
