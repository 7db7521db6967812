import type { webApi } from '@slack/bolt';
import type { TurnOutcome, TurnRequest } from '../../src/conversation/service.js';
import { messages } from '../../src/domain/messages/messages.js';
import type { Lang } from '../../src/domain/types.js';
import { describeError } from '../../src/slack/errors.js';
import { buildClassificationCard, type SlackMessage } from '../blocks/classification-card.js';
import { buildClientTimeline } from '../blocks/client-timeline.js';
import { answeredFollowUp, buildFollowUpMessage } from '../blocks/follow-up.js';
import { playbookAnswer } from '../blocks/playbook.js';
import { buildClarify, buildWelcome } from '../blocks/welcome.js';
import type { HandlerDeps } from '../deps.js';
import { notifyUser } from './card-target.js';
import { reportFailure } from './failures.js';
import { fromSlack, isDirectMessage, NO_UNFURL, stripBotMention, threadKeyOf } from './slack-context.js';

export type ThreadTurn = Omit<TurnRequest, 'threadKey'> & {
  threadKey: string;
  channel: string;
  threadTs: string;
};

/** The message for an outcome: the same cards and answers every surface shows. */
export const outcomeMessage = (outcome: TurnOutcome, deps: HandlerDeps, threadKey: string): SlackMessage => {
  const m = messages(outcome.lang);
  switch (outcome.kind) {
    case 'card':
      return buildClassificationCard(outcome.card, deps.playbook, { interactive: true });
    case 'question':
      return buildFollowUpMessage(outcome, threadKey);
    case 'welcome':
      return buildWelcome(deps.playbook, outcome.lang);
    case 'playbook':
      return playbookAnswer(deps.playbook, outcome.type ? '' : outcome.topic, outcome.lang, outcome.type ?? undefined);
    case 'history':
      return buildClientTimeline(outcome.clientName, outcome.history, deps.playbook, outcome.lang);
    case 'clarify':
      return buildClarify(outcome.text, outcome.lang);
    case 'stale':
      return { text: m.staleButton, blocks: [] };
    default:
      return { text: m.emptyDescription, blocks: [] };
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

/** Progress while a model may be working: the assistant status in DMs, a placeholder elsewhere. */
const showProgress = async (deps: HandlerDeps, client: webApi.WebClient, turn: ThreadTurn, lang: Lang) => {
  const m = messages(lang);
  if (isDirectMessage(turn.channel)) {
    await client.assistant.threads
      .setStatus({
        channel_id: turn.channel,
        thread_ts: turn.threadTs,
        status: m.thinkingStatus,
        loading_messages: [...m.loadingMessages],
      })
      // A plain DM outside the agent view may refuse a status; the answer still comes.
      .catch((error: unknown) => deps.logger.debug(`setStatus skipped: ${String(error)}`));
    return { status: true, placeholderTs: undefined };
  }
  // Without a placeholder the answer is simply posted when ready: progress is nice, not essential.
  const placeholderTs = await client.chat
    .postMessage({ channel: turn.channel, thread_ts: turn.threadTs, text: m.placeholder, ...NO_UNFURL })
    .then((placeholder) => placeholder.ts)
    .catch((error: unknown) => {
      deps.logger.warn(`placeholder not posted: ${describeError(error)}`);
      return undefined;
    });
  return { status: false, placeholderTs };
};

/** Posts the answer (or replaces the placeholder with it); returns the message's ts. */
const deliver = async (client: webApi.WebClient, turn: ThreadTurn, message: SlackMessage, placeholderTs?: string) => {
  if (placeholderTs) {
    await client.chat.update({ channel: turn.channel, ts: placeholderTs, ...withoutEmptyBlocks(message) });
    return placeholderTs;
  }
  const posted = await client.chat.postMessage({
    channel: turn.channel,
    thread_ts: turn.threadTs,
    ...withoutEmptyBlocks(message),
    ...NO_UNFURL,
  });
  return posted.ts;
};

/** After the answer: a question remembers where it is; a question answered by typing loses its buttons. */
const afterDelivery = async (
  deps: HandlerDeps,
  client: webApi.WebClient,
  turn: ThreadTurn,
  outcome: TurnOutcome,
  ts?: string,
) => {
  if (outcome.kind === 'question' && ts) {
    await deps.conversation
      .rememberQuestion(turn.threadKey, outcome.number, { channel: turn.channel, ts })
      .catch((error: unknown) => deps.logger.warn(`question not remembered: ${describeError(error)}`));
  }
  const retired = outcome.retired;
  if (retired?.channel && retired.ts) {
    await client.chat
      .update({
        channel: retired.channel,
        ts: retired.ts,
        ...answeredFollowUp(retired.text, retired.answer, outcome.lang),
      })
      .catch((error: unknown) => deps.logger.warn(`answered question not updated: ${describeError(error)}`));
  }
};

/**
 * Runs one conversation turn and answers in the thread, never in the channel root. Progress is
 * visible at once when a model may be called; rules only, the answer comes within milliseconds
 * and is posted directly (a placeholder would only flicker and spend a second call against
 * Slack's per-channel posting limit). Failures become a short localized reply.
 */
export const replyInThread = async (
  deps: HandlerDeps,
  client: webApi.WebClient,
  turn: ThreadTurn,
): Promise<TurnOutcome | undefined> => {
  const lang = await deps.conversation.langFor(turn.userId, turn.text).catch(() => 'en' as const);
  const progress =
    deps.classifier.answersAtOnce !== true ? await showProgress(deps, client, turn, lang) : { status: false };
  const placeholderTs = 'placeholderTs' in progress ? progress.placeholderTs : undefined;
  let outcome: TurnOutcome | undefined;
  let message: SlackMessage;
  try {
    outcome = await deps.conversation.handleTurn(turn.text.trim() === '' ? turn : { ...turn, lang });
    message = outcomeMessage(outcome, deps, turn.threadKey);
  } catch (error) {
    message = { text: reportFailure(deps.logger, 'conversation turn', error, lang), blocks: [] };
  }
  try {
    if (outcome?.kind === 'stale' && !placeholderTs) {
      // An old button: only its presser hears about it, the thread stays as it is.
      await notifyUser(client, turn.userId, message.text, { channel: turn.channel, threadTs: turn.threadTs });
      return outcome;
    }
    const ts = await deliver(client, turn, message, placeholderTs);
    if (outcome) await afterDelivery(deps, client, turn, outcome, ts);
  } catch (error) {
    // The card itself was refused (e.g. msg_too_long): say so in plain text rather than stay silent.
    const text = reportFailure(deps.logger, 'thread reply', error, lang, turn.channel);
    await deliver(client, turn, { text, blocks: [] }, placeholderTs).catch((again: unknown) =>
      tellDirectly(deps, client, turn, lang, again),
    );
  } finally {
    if (progress.status) {
      await client.assistant.threads
        .setStatus({ channel_id: turn.channel, thread_ts: turn.threadTs, status: '' })
        .catch(() => undefined);
    }
  }
  return outcome;
};

/** A message a person wrote to the app, as Slack's `app_mention` and `message` events carry it. */
export type IncomingMessage = {
  channel: string;
  ts: string;
  thread_ts?: string | undefined;
  user: string;
  text: string;
};

/**
 * A mention or a DM: answered in that message's thread (a new one, or the one it sits in), with
 * Slack's escaping and the bot's own mention taken out of the text.
 */
export const replyToMessage = (
  deps: HandlerDeps,
  client: webApi.WebClient,
  app: { teamId: string; botUserId?: string | undefined },
  message: IncomingMessage,
): Promise<TurnOutcome | undefined> => {
  const threadTs = message.thread_ts ?? message.ts;
  return replyInThread(deps, client, {
    threadKey: threadKeyOf(app.teamId, message.channel, threadTs),
    channel: message.channel,
    threadTs,
    teamId: app.teamId,
    userId: message.user,
    text: fromSlack(stripBotMention(message.text, app.botUserId)),
  });
};
