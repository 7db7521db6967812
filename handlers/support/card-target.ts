import type { BlockAction, webApi } from '@slack/bolt';
import type { SlackMessage } from '../blocks/classification-card.js';
import { NO_UNFURL } from './slack-context.js';

/** Where a clicked card is shown, so it can be updated in place. */
export type CardTarget = {
  channel?: string;
  messageTs?: string;
  threadTs?: string;
  /** Ephemeral cards (from /classify or the shortcut) are replaced through their response_url. */
  responseUrl?: string;
  ephemeral: boolean;
};

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export const cardTargetOf = (body: BlockAction): CardTarget => {
  const channel = str(body.container.channel_id) ?? body.channel?.id;
  const messageTs = str(body.container.message_ts) ?? body.message?.ts;
  const threadTs = str(body.message?.thread_ts);
  const target: CardTarget = { ephemeral: body.container.is_ephemeral === true };
  if (channel) target.channel = channel;
  if (messageTs) target.messageTs = messageTs;
  if (threadTs) target.threadTs = threadTs;
  if (body.response_url) target.responseUrl = body.response_url;
  return target;
};

/** Replaces the card where it is: chat.update for a message, response_url for an ephemeral one. */
export const showCard = async (
  client: webApi.WebClient,
  target: CardTarget,
  message: SlackMessage,
  fetchFn: typeof fetch = fetch,
): Promise<void> => {
  if ((target.ephemeral || !target.messageTs) && target.responseUrl) {
    const response = await fetchFn(target.responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replace_original: true, ...message, ...NO_UNFURL }),
    });
    if (!response.ok) throw new Error(`response_url answered ${response.status}`);
    return;
  }
  if (target.channel && target.messageTs) {
    await client.chat.update({ channel: target.channel, ts: target.messageTs, ...message });
  }
};

/** Tells one user something privately: an ephemeral where they are, else a DM from the bot. */
export const notifyUser = async (
  client: webApi.WebClient,
  user: string,
  text: string,
  where?: { channel?: string; threadTs?: string },
): Promise<void> => {
  if (where?.channel) {
    try {
      await client.chat.postEphemeral({
        channel: where.channel,
        user,
        text,
        ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
      });
      return;
    } catch {
      // Not in that channel (or it is gone): fall back to a DM.
    }
  }
  await client.chat.postMessage({ channel: user, text, ...NO_UNFURL });
};
