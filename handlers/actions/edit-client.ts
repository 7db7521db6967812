import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeCardRef } from '../blocks/card-ref.js';
import { buildEditClientModal } from '../blocks/modals.js';
import type { HandlerDeps } from '../deps.js';
import { cardTargetOf, notifyUser } from '../support/card-target.js';
import { reportFailure } from '../support/failures.js';
import { metadataFromTarget } from '../support/redraw.js';

/** "Edit client" on a card: a modal with the name, usable before and after Confirm. */
export const makeEditClientAction =
  (deps: HandlerDeps) =>
  async ({ ack, body, action, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const ref = decodeCardRef(action.value);
    const target = cardTargetOf(body);
    const card = ref ? await deps.conversation.getCard(ref.threadKey, ref.cardId).catch(() => undefined) : undefined;
    const lang = card?.lang ?? 'en';
    try {
      if (!ref || !card) throw new Error('edit client without a valid card');
      // An unnamed client's id is not a name: the field starts empty.
      const current = card.clientKind === 'named' ? (card.clientName ?? '') : '';
      const meta = { ...ref, ...metadataFromTarget(target) };
      await client.views.open({ trigger_id: body.trigger_id, view: buildEditClientModal(meta, current, lang) });
    } catch (error) {
      const text = reportFailure(deps.logger, 'edit client', error, lang, target.channel);
      await notifyUser(client, body.user.id, text, target).catch(() => undefined);
    }
  };
