import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeCardRef } from '../blocks/card-ref.js';
import { buildShareModal, type ModalMetadata } from '../blocks/modals.js';
import type { HandlerDeps } from '../deps.js';
import { cardTargetOf, notifyUser } from '../support/card-target.js';
import { reportFailure } from '../support/failures.js';

/** Share to channel: a conversation picker; the submission posts the card there. */
export const makeShareAction =
  (deps: HandlerDeps) =>
  async ({ ack, body, action, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const ref = decodeCardRef(action.value);
    const target = cardTargetOf(body);
    const card = ref ? await deps.conversation.getCard(ref.threadKey, ref.cardId).catch(() => undefined) : undefined;
    const lang = card?.lang ?? 'en';
    try {
      if (!ref || !card) throw new Error('share without a valid card');
      const meta: ModalMetadata = { ...ref };
      if (target.channel) meta.channel = target.channel;
      await client.views.open({ trigger_id: body.trigger_id, view: buildShareModal(meta, lang) });
    } catch (error) {
      const text = reportFailure(deps.logger, 'share', error, lang, target.channel);
      await notifyUser(client, body.user.id, text, target).catch(() => undefined);
    }
  };
