import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { RELATIONSHIP_TYPES } from '../../src/domain/types.js';
import { messages } from '../../src/i18n/messages.js';
import { buildClassificationCard } from '../blocks/classification-card.js';
import type { HandlerDeps } from '../deps.js';
import { BLOCKS } from '../ids.js';
import { type CardTarget, notifyUser, showCard } from '../support/card-target.js';
import { alertOnDistress } from '../support/early-warning.js';
import { reportFailure } from '../support/failures.js';
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
 * The reason modal: logs a manager override with its reason and updates the card in place.
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
      const target: CardTarget = { ephemeral: meta.responseUrl !== undefined };
      if (meta.channel) target.channel = meta.channel;
      if (meta.messageTs) target.messageTs = meta.messageTs;
      if (meta.responseUrl) target.responseUrl = meta.responseUrl;
      await showCard(client, target, buildClassificationCard(decided, deps.playbook, { interactive: true }));
      await alertOnDistress(deps, client, decision, decided.lang);
    } catch (error) {
      const text = reportFailure(deps.logger, 'change type submission', error, lang, meta?.channel);
      await notifyUser(client, body.user.id, text, meta?.channel ? { channel: meta.channel } : undefined).catch(
        () => undefined,
      );
    }
  };
