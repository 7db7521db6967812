import type { StaticSelectAction } from '@slack/bolt';
import { isRelationshipType } from '../../src/domain/types.js';
import { buildChangeTypeModal } from '../blocks/modals.js';
import type { HandlerDeps } from '../deps.js';
import { makeCardModalAction } from '../support/card-modal.js';
import { metadataFromTarget } from '../support/redraw.js';

/** Change type: the RM picked another type; a modal asks for the reason an override must have. */
export const makeChangeTypeAction = (deps: HandlerDeps) =>
  makeCardModalAction<StaticSelectAction>(
    deps,
    'change type',
    (action) => action.block_id,
    ({ ref, card, target, action }) => {
      const type = action.selected_option?.value;
      if (!isRelationshipType(type)) throw new Error('change type without a valid type');
      return buildChangeTypeModal(deps.playbook, { ...ref, type, ...metadataFromTarget(target) }, card.lang);
    },
  );
