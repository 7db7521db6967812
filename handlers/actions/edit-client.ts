import type { ButtonAction } from '@slack/bolt';
import { buildEditClientModal } from '../blocks/modals.js';
import type { HandlerDeps } from '../deps.js';
import { makeCardModalAction } from '../support/card-modal.js';
import { metadataFromTarget } from '../support/redraw.js';

/** "Edit client" on a card: a modal with the name, usable before and after Confirm. */
export const makeEditClientAction = (deps: HandlerDeps) =>
  makeCardModalAction<ButtonAction>(
    deps,
    'edit client',
    (action) => action.value,
    ({ ref, card, target }) => {
      // An unnamed client's id is not a name: the field starts empty.
      const current = card.clientKind === 'named' ? (card.clientName ?? '') : '';
      return buildEditClientModal({ ...ref, ...metadataFromTarget(target) }, current, card.lang);
    },
  );
