import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeCardRef } from '../blocks/card-ref.js';
import { buildEvidenceModal } from '../blocks/modals.js';
import type { HandlerDeps } from '../deps.js';
import { cardTargetOf, notifyUser } from '../support/card-target.js';
import { reportFailure } from '../support/failures.js';

/** "Show all evidence": the card's full evidence list in a modal. */
export const makeShowEvidenceAction =
  (deps: HandlerDeps) =>
  async ({ ack, body, action, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const ref = decodeCardRef(action.value);
    const target = cardTargetOf(body);
    const card = ref ? await deps.conversation.getCard(ref.threadKey, ref.cardId).catch(() => undefined) : undefined;
    try {
      if (!card) throw new Error('show evidence without a valid card');
      await client.views.open({ trigger_id: body.trigger_id, view: buildEvidenceModal(card, deps.playbook) });
    } catch (error) {
      const text = reportFailure(deps.logger, 'show evidence', error, card?.lang ?? 'en', target.channel);
      await notifyUser(client, body.user.id, text, target).catch(() => undefined);
    }
  };
