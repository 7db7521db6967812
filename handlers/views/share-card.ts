import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { messages } from '../../src/domain/messages/messages.js';
import { failureKind, QuadrantSlackError } from '../../src/slack/errors.js';
import { buildClassificationCard } from '../blocks/classification-card.js';
import type { HandlerDeps } from '../deps.js';
import { BLOCKS } from '../ids.js';
import { notifyUser } from '../support/card-target.js';
import { reportFailure } from '../support/failures.js';
import { NO_UNFURL, parseJsonOrNull } from '../support/slack-context.js';

const metadataSchema = z.object({
  threadKey: z.string().min(1),
  cardId: z.string().min(1),
  channel: z.string().optional(),
});

/**
 * The share modal: posts the card (without buttons) to the chosen conversation with "shared by
 * @user", and makes the card's decisions (now and later) visible to the team. When the bot is not
 * in that channel, the user is told how to invite it.
 */
export const makeShareSubmission =
  (deps: HandlerDeps) =>
  async ({ ack, body, view, client }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    await ack();
    const meta = metadataSchema.safeParse(parseJsonOrNull(view.private_metadata));
    const destination = view.state.values[BLOCKS.shareChannel]?.[BLOCKS.shareChannelInput]?.selected_conversation;
    const card = meta.success
      ? await deps.conversation.getCard(meta.data.threadKey, meta.data.cardId).catch(() => undefined)
      : undefined;
    const lang = card?.lang ?? 'en';
    const origin = meta.success && meta.data.channel ? { channel: meta.data.channel } : undefined;
    try {
      if (!card) throw new QuadrantSlackError('stale_card', 'shared card is gone');
      if (!destination) throw new Error('share submission without a channel');
      const message = buildClassificationCard(card, deps.playbook, { interactive: false, sharedBy: body.user.id });
      let ts: string | undefined;
      try {
        ts = (await client.chat.postMessage({ channel: destination, ...message, ...NO_UNFURL })).ts;
      } catch (error) {
        const kind = failureKind(error);
        if (kind === 'not_in_channel' || kind === 'channel_not_found') throw new QuadrantSlackError(kind, kind);
        throw error;
      }
      // Sharing is the RM's consent: the card's decisions become team-visible (the dialog says so).
      if (ts && meta.success) {
        await deps.conversation.recordShare({ ...meta.data, channel: destination, ts, by: body.user.id });
      }
      await notifyUser(client, body.user.id, messages(lang).sharedOk(destination), origin).catch(() => undefined);
    } catch (error) {
      const text = reportFailure(deps.logger, 'share submission', error, lang, destination ?? undefined);
      await notifyUser(client, body.user.id, text, origin).catch(() => undefined);
    }
  };
