import type { webApi } from '@slack/bolt';
import type { TurnOutcome, TurnRequest } from '../../src/conversation/service.js';
import type { Lang } from '../../src/domain/types.js';
import { messages } from '../../src/i18n/messages.js';
import { describeError } from '../../src/slack/errors.js';
import { buildClassificationCard, type SlackMessage } from '../blocks/classification-card.js';
import { buildFollowUpMessage } from '../blocks/follow-up.js';
import type { HandlerDeps } from '../deps.js';
import { reportFailure } from './failures.js';
import { isDirectMessage, NO_UNFURL } from './slack-context.js';

export type ThreadTurn = Omit<TurnRequest, 'threadKey'> & {
  threadKey: string;
  channel: string;
  threadTs: string;
};

/** The message for an outcome: the card, a follow-up question, or the "describe a client" help. */
export const outcomeMessage = (outcome: TurnOutcome, deps: HandlerDeps, threadKey: string): SlackMessage => {
  switch (outcome.kind) {
    case 'card':
      return buildClassificationCard(outcome.card, deps.playbook, { interactive: true });
    case 'question':
      return buildFollowUpMessage({ ...outcome }, threadKey);
    default:
      return { text: messages(outcome.lang).emptyDescription, blocks: [] };
  }
};

const withoutEmptyBlocks = (message: SlackMessage) =>
  message.blocks.length > 0 ? { text: message.text, blocks: message.blocks } : { text: message.text };

/**
 * When Slack keeps failing for the thread's channel (a persistent 5xx after the client's
 * retries), the person still hears once why no answer came: in a DM, which is another channel.
 */
const tellDirectly = async (
  deps: HandlerDeps,
  client: webApi.WebClient,
  turn: ThreadTurn,
  lang: Lang,
  error: unknown,
): Promise<void> => {
  deps.logger.error(`no answer could be posted in ${turn.channel}: ${describeError(error)}`);
  if (isDirectMessage(turn.channel)) return;
  try {
    // A user id as the channel posts in the app's DM with that person.
    const text = messages(lang).errorChannelUnreachable(turn.channel);
    await client.chat.postMessage({ channel: turn.userId, text, ...NO_UNFURL });
  } catch (dmError) {
    deps.logger.error(`could not tell ${turn.userId} directly either: ${describeError(dmError)}`);
  }
};

/**
 * Runs one conversation turn and answers in the thread, never in the channel root. Progress is
 * visible at once when a model may be called: the assistant status with loading messages in DMs
 * (cleared at the end), a placeholder updated in place elsewhere. Rules only, the answer itself
 * comes within milliseconds and is posted directly: a placeholder would only flicker and spend a
 * second call against Slack's per-channel posting limit. Failures become a short localized reply.
 */
export const replyInThread = async (deps: HandlerDeps, client: webApi.WebClient, turn: ThreadTurn): Promise<void> => {
  const lang = await deps.conversation.langFor(turn.userId, turn.text).catch(() => 'en' as const);
  const m = messages(lang);
  const showProgress = deps.classifier.answersAtOnce !== true;
  const withStatus = showProgress && isDirectMessage(turn.channel);
  let placeholderTs: string | undefined;
  if (withStatus) {
    await client.assistant.threads
      .setStatus({
        channel_id: turn.channel,
        thread_ts: turn.threadTs,
        status: m.thinkingStatus,
        loading_messages: [...m.loadingMessages],
      })
      // A plain DM outside the agent view may refuse a status; the answer still comes.
      .catch((error: unknown) => deps.logger.debug(`setStatus skipped: ${String(error)}`));
  } else if (showProgress) {
    // Without a placeholder the answer is simply posted when ready: progress is nice, not essential.
    placeholderTs = await client.chat
      .postMessage({ channel: turn.channel, thread_ts: turn.threadTs, text: m.placeholder, ...NO_UNFURL })
      .then((placeholder) => placeholder.ts)
      .catch((error: unknown) => {
        deps.logger.warn(`placeholder not posted: ${describeError(error)}`);
        return undefined;
      });
  }
  let message: SlackMessage;
  try {
    const outcome = await deps.conversation.handleTurn(turn.text.trim() === '' ? turn : { ...turn, lang });
    message = outcomeMessage(outcome, deps, turn.threadKey);
  } catch (error) {
    message = { text: reportFailure(deps.logger, 'conversation turn', error, lang), blocks: [] };
  }
  try {
    if (placeholderTs) {
      await client.chat.update({ channel: turn.channel, ts: placeholderTs, ...withoutEmptyBlocks(message) });
    } else {
      await client.chat.postMessage({
        channel: turn.channel,
        thread_ts: turn.threadTs,
        ...withoutEmptyBlocks(message),
        ...NO_UNFURL,
      });
    }
  } catch (error) {
    // The card itself was refused (e.g. msg_too_long): say so in plain text rather than stay silent.
    const text = reportFailure(deps.logger, 'thread reply', error, lang, turn.channel);
    try {
      if (placeholderTs) await client.chat.update({ channel: turn.channel, ts: placeholderTs, text, blocks: [] });
      else await client.chat.postMessage({ channel: turn.channel, thread_ts: turn.threadTs, text, ...NO_UNFURL });
    } catch (again) {
      await tellDirectly(deps, client, turn, lang, again);
    }
  } finally {
    if (withStatus) {
      await client.assistant.threads
        .setStatus({ channel_id: turn.channel, thread_ts: turn.threadTs, status: '' })
        .catch(() => undefined);
    }
  }
};
