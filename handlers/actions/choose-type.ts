import type { ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { RELATIONSHIP_TYPES } from '../../src/domain/types.js';
import { buildChangeTypeModal } from '../blocks/modals.js';
import type { ActionArgs, HandlerDeps } from '../deps.js';
import { cardTargetOf, notifyUser } from '../support/card-target.js';
import { reportFailure } from '../support/failures.js';
import { metadataFromTarget } from '../support/redraw.js';
import { parseJsonOrNull } from '../support/slack-context.js';

const valueSchema = z.object({
  k: z.string().min(1).max(300),
  c: z.string().min(1).max(40),
  t: z.enum(RELATIONSHIP_TYPES),
});

/**
 * A card without a type offers the four: choosing one is an override, so the same reason modal
 * as "Change type" opens.
 */
export const makeChooseTypeAction =
  (deps: HandlerDeps) =>
  async ({ ack, body, action, client }: ActionArgs<ButtonAction>) => {
    await ack();
    const target = cardTargetOf(body);
    const value = valueSchema.safeParse(parseJsonOrNull(action.value));
    const card = value.success
      ? await deps.conversation.getCard(value.data.k, value.data.c).catch(() => undefined)
      : undefined;
    const lang = card?.lang ?? 'en';
    try {
      if (!value.success || !card) throw new Error('choose type without a valid card');
      const meta = { threadKey: value.data.k, cardId: value.data.c, type: value.data.t, ...metadataFromTarget(target) };
      await client.views.open({ trigger_id: body.trigger_id, view: buildChangeTypeModal(deps.playbook, meta, lang) });
    } catch (error) {
      const text = reportFailure(deps.logger, 'choose type', error, lang, target.channel);
      await notifyUser(client, body.user.id, text, target).catch(() => undefined);
    }
  };
