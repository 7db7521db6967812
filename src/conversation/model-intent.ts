import type { IntentOpinion } from '../llm/port.js';
import type { Intent } from './intent.js';

/**
 * The rules' intent, with the model asked only when the rules could not tell (`unclear`). A
 * message with a client fact (a rule signal) or in a thread being described is never re-routed,
 * and any model failure keeps the rules' answer.
 */
export const withModelIntent = async (
  rules: Intent,
  text: string,
  context: {
    signalCount: number;
    describing: boolean;
    intentOf?: ((text: string) => Promise<IntentOpinion | null>) | undefined;
  },
): Promise<Intent> => {
  if (rules.kind !== 'unclear' || context.intentOf === undefined) return rules;
  if (context.signalCount > 0 || context.describing) return rules;
  const opinion = await context.intentOf(text).catch(() => null);
  if (opinion === null) return rules;
  if (opinion.kind === 'playbook') return { kind: 'playbook', type: opinion.type, topic: text.trim() };
  return opinion;
};
