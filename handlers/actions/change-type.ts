import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, StaticSelectAction } from '@slack/bolt';
import { isRelationshipType } from '../../src/domain/types.js';
import { decodeCardRef } from '../blocks/card-ref.js';
import { buildChangeTypeModal, type ModalMetadata } from '../blocks/modals.js';
import type { HandlerDeps } from '../deps.js';
import { cardTargetOf, notifyUser } from '../support/card-target.js';
import { reportFailure } from '../support/failures.js';
import { metadataFromTarget } from '../support/redraw.js';

/** Change type: the RM picked another type; a modal asks for the reason an override must have. */
export const makeChangeTypeAction =
  (deps: HandlerDeps) =>
  async ({
    ack,
    body,
    action,
    client,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>>) => {
    await ack();
    const ref = decodeCardRef(action.block_id);
    const type = action.selected_option?.value;
    const target = cardTargetOf(body);
    const card = ref ? await deps.conversation.getCard(ref.threadKey, ref.cardId).catch(() => undefined) : undefined;
    const lang = card?.lang ?? 'en';
    try {
      if (!ref || !card || !isRelationshipType(type)) throw new Error('change type without a valid card or type');
      const meta: ModalMetadata & { type: typeof type } = { ...ref, type, ...metadataFromTarget(target) };
      await client.views.open({ trigger_id: body.trigger_id, view: buildChangeTypeModal(deps.playbook, meta, lang) });
    } catch (error) {
      const text = reportFailure(deps.logger, 'change type', error, lang, target.channel);
      await notifyUser(client, body.user.id, text, target).catch(() => undefined);
    }
  };
