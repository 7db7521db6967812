import type { RelationshipType } from '../../src/domain/types.js';
import type { NewDecision } from '../../src/store/ports.js';

let counter = 0;

/** A valid decision with overridable fields; each call gets a fresh idempotency key. */
export const newDecision = (overrides: Partial<NewDecision> = {}): NewDecision => {
  counter += 1;
  return {
    idempotencyKey: `test:${process.pid}:${Date.now()}:${counter}`,
    clientName: '华能新能源有限公司',
    type: 'strategic',
    secondary: null,
    confidence: 0.8,
    source: 'rules',
    suggestedType: 'strategic',
    evidence: [
      { id: 'segment.large', type: 'strategic', category: 'segment', weight: 2, text: '大型国企', start: 0, end: 4 },
    ],
    llmRationale: null,
    recommendedActionIds: ['strategic.dedicated_team', 'strategic.review'],
    keptActionIds: ['strategic.dedicated_team'],
    reason: null,
    description: '大型国企,AAA评级,合作十年',
    userId: 'U0AUTHOR',
    teamId: 'T0BANK',
    channelId: 'C0DEALS',
    threadTs: '1700000000.000100',
    visibility: 'team',
    versions: { playbook: 'pb-1', rules: 'rules-1', prompt: null, model: null },
    ...overrides,
  };
};

/** A labelled note confirmed as its label: the decision a team logs when it agrees with the card. */
export const confirmedNote = (
  note: { id: string; label: RelationshipType; text: string },
  overrides: Partial<NewDecision> = {},
): NewDecision =>
  newDecision({
    clientName: `Client ${note.id}`,
    description: note.text,
    type: note.label,
    suggestedType: note.label,
    evidence: [],
    ...overrides,
  });
