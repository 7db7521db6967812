import type { ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { RELATIONSHIP_TYPES } from '../../src/domain/types.js';
import { buildPlaybookModal } from '../blocks/playbook.js';
import type { ActionArgs, HandlerDeps } from '../deps.js';
import { reportFailure } from '../support/failures.js';
import { parseJsonOrNull } from '../support/slack-context.js';

const valueSchema = z.object({ t: z.enum(RELATIONSHIP_TYPES), l: z.enum(['zh', 'en']) });

/** Full playbook (on a card) and Open (on /playbook): the type's whole playbook in a modal. */
export const makeOpenPlaybookAction =
  (deps: HandlerDeps) =>
  async ({ ack, body, action, client }: ActionArgs<ButtonAction>) => {
    await ack();
    try {
      const value = valueSchema.parse(parseJsonOrNull(action.value));
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildPlaybookModal(deps.playbook, value.t, value.l),
      });
    } catch (error) {
      reportFailure(deps.logger, 'open playbook', error, 'en');
    }
  };
