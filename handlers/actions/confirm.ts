import type { ButtonAction } from '@slack/bolt';
import { decodeCardRef } from '../blocks/card-ref.js';
import type { ActionArgs, HandlerDeps } from '../deps.js';
import { cardTargetOf, notifyUser } from '../support/card-target.js';
import { alertOnDistress } from '../support/early-warning.js';
import { reportFailure } from '../support/failures.js';
import { redrawCard } from '../support/redraw.js';
import { visibilityOf } from '../support/slack-context.js';

/**
 * Confirm: logs the decision, then updates the card in place with who logged what, when, and the
 * decision id. The idempotency key is the card itself, so double clicks and retries log once.
 */
export const makeConfirmAction =
  (deps: HandlerDeps) =>
  async ({ ack, body, action, client }: ActionArgs<ButtonAction>) => {
    await ack();
    const ref = decodeCardRef(action.value);
    const target = cardTargetOf(body);
    const teamId = body.team?.id ?? body.user.team_id ?? 'T0';
    const lang = await deps.conversation.langFor(body.user.id, '').catch(() => 'en' as const);
    try {
      if (!ref) throw new Error('confirm button without a card reference');
      const { card, decision } = await deps.conversation.decide({
        threadKey: ref.threadKey,
        cardId: ref.cardId,
        userId: body.user.id,
        teamId,
        channelId: target.channel ?? null,
        threadTs: target.threadTs ?? null,
        visibility: await visibilityOf(client, target.channel ?? null),
        idempotencyKey: `confirm:${teamId}:${ref.cardId}`,
      });
      await redrawCard(deps, client, card, target);
      if (decision) await alertOnDistress(deps, client, decision, card.lang);
    } catch (error) {
      const text = reportFailure(deps.logger, 'confirm', error, lang, target.channel);
      await notifyUser(client, body.user.id, text, target).catch(() => undefined);
    }
  };
