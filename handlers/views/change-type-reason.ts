import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { messages } from '../../src/domain/messages/messages.js';
import { RELATIONSHIP_TYPES } from '../../src/domain/types.js';
import type { HandlerDeps } from '../deps.js';
import { BLOCKS } from '../ids.js';
import { notifyUser } from '../support/card-target.js';
import { alertOnDistress } from '../support/early-warning.js';
import { reportFailure } from '../support/failures.js';
import { redrawCard, targetFromMetadata } from '../support/redraw.js';
import { parseJsonOrNull, visibilityOf } from '../support/slack-context.js';

const metadataSchema = z.object({
  threadKey: z.string().min(1),
  cardId: z.string().min(1),
  type: z.enum(RELATIONSHIP_TYPES),
  channel: z.string().optional(),
  messageTs: z.string().optional(),
  responseUrl: z.string().url().optional(),
});

/**
 * The reason modal: logs a manager override with its reason and redraws the card as the new type,
 * in place and in every shared copy.
 * An empty reason keeps the modal open with an error. Submitting the same view twice logs once.
 */
export const makeChangeTypeSubmission =
  (deps: HandlerDeps) =>
  async ({ ack, body, view, client }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const parsed = metadataSchema.safeParse(parseJsonOrNull(view.private_metadata));
    const reason = view.state.values[BLOCKS.reason]?.[BLOCKS.reasonInput]?.value?.trim() ?? '';
    const card = parsed.success
      ? await deps.conversation.getCard(parsed.data.threadKey, parsed.data.cardId).catch(() => undefined)
      : undefined;
    const lang = card?.lang ?? 'en';
    if (reason === '') {
      await ack({ response_action: 'errors', errors: { [BLOCKS.reason]: messages(lang).reasonMissing } });
      return;
    }
    await ack();
    const meta = parsed.success ? parsed.data : undefined;
    try {
      if (!meta) throw new Error('change-type modal without valid metadata');
      const teamId = body.team?.id ?? body.user.team_id ?? 'T0';
      const { card: decided, decision } = await deps.conversation.decide({
        threadKey: meta.threadKey,
        cardId: meta.cardId,
        userId: body.user.id,
        teamId,
        channelId: meta.channel ?? null,
        threadTs: null,
        visibility: await visibilityOf(client, meta.channel ?? null),
        idempotencyKey: `override:${teamId}:${meta.cardId}:${view.id}`,
        override: { type: meta.type, reason },
      });
      await redrawCard(deps, client, decided, targetFromMetadata(meta));
      if (decision) await alertOnDistress(deps, client, decision, decided.lang);
    } catch (error) {
      const text = reportFailure(deps.logger, 'change type submission', error, lang, meta?.channel);
      await notifyUser(client, body.user.id, text, meta?.channel ? { channel: meta.channel } : undefined).catch(
        () => undefined,
      );
    }
  };
