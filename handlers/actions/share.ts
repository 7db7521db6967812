import type { ButtonAction } from '@slack/bolt';
import { buildShareModal, type ModalMetadata } from '../blocks/modals.js';
import type { HandlerDeps } from '../deps.js';
import { makeCardModalAction } from '../support/card-modal.js';

/** Share to channel: a conversation picker; the submission posts the card there. */
export const makeShareAction = (deps: HandlerDeps) =>
  makeCardModalAction<ButtonAction>(
    deps,
    'share',
    (action) => action.value,
    ({ ref, card, target }) => {
      const meta: ModalMetadata = { ...ref };
      if (target.channel) meta.channel = target.channel;
      return buildShareModal(meta, card.lang);
    },
  );
