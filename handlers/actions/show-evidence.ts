import type { ButtonAction } from '@slack/bolt';
import { buildEvidenceModal } from '../blocks/modals.js';
import type { HandlerDeps } from '../deps.js';
import { makeCardModalAction } from '../support/card-modal.js';

/** "Show all evidence": the card's full evidence list in a modal. */
export const makeShowEvidenceAction = (deps: HandlerDeps) =>
  makeCardModalAction<ButtonAction>(
    deps,
    'show evidence',
    (action) => action.value,
    ({ card }) => buildEvidenceModal(card, deps.playbook),
  );
