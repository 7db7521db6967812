import { MAX_FOLLOW_UPS } from '../../src/conversation/service.js';
import type { Lang } from '../../src/domain/types.js';
import { messages } from '../../src/i18n/messages.js';
import { escapeSlack } from '../../src/slack/escape.js';
import { ACTIONS } from '../ids.js';
import type { SlackMessage } from './classification-card.js';
import { type Block, button, context, section } from './kit.js';

/** The value a quick-reply button carries: the thread and the question it answers. */
export const encodeFollowUp = (threadKey: string, question: string): string =>
  JSON.stringify({ k: threadKey, q: question.slice(0, 1500) });

/**
 * A follow-up question, with Yes/No quick replies when the answer is yes or no, and always a
 * "Classify now" / "直接分类" button.
 */
export const buildFollowUpMessage = (
  q: { question: string; yesNo: boolean; number: number; lang: Lang },
  threadKey: string,
): SlackMessage => {
  const m = messages(q.lang);
  const value = encodeFollowUp(threadKey, q.question);
  const elements = [
    ...(q.yesNo ? [button(m.yes, ACTIONS.followUpYes, value, 'primary'), button(m.no, ACTIONS.followUpNo, value)] : []),
    button(m.classifyNow, ACTIONS.classifyNow, value),
  ];
  const blocks: Block[] = [
    section(`${m.followUpIntro}\n*${escapeSlack(q.question)}*`),
    { type: 'actions', elements },
    context(m.followUpCount(q.number, MAX_FOLLOW_UPS)),
  ];
  return { text: `${m.followUpIntro} ${escapeSlack(q.question)}`, blocks };
};
