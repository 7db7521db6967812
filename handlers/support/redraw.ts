import type { webApi } from '@slack/bolt';
import type { CardView } from '../../src/conversation/card.js';
import { describeError } from '../../src/slack/errors.js';
import { buildClassificationCard } from '../blocks/classification-card.js';
import type { HandlerDeps } from '../deps.js';
import { type CardTarget, showCard } from './card-target.js';

/**
 * Shows a card's new state everywhere it is: where the RM clicked (with buttons) and every copy
 * shared to a channel (without), so a teammate never reads a type that was since changed.
 */
export const redrawCard = async (
  deps: HandlerDeps,
  client: webApi.WebClient,
  card: CardView,
  target: CardTarget,
): Promise<void> => {
  await showCard(client, target, buildClassificationCard(card, deps.playbook, { interactive: true }));
  for (const share of card.shares) {
    const copy = buildClassificationCard(card, deps.playbook, {
      interactive: false,
      ...(share.by ? { sharedBy: share.by } : {}),
    });
    await client.chat
      .update({ channel: share.channel, ts: share.ts, ...copy })
      .catch((error: unknown) => deps.logger.warn(`shared copy not updated: ${describeError(error)}`));
  }
};

/** Where a modal's card is shown, from the metadata the modal carried. */
export const targetFromMetadata = (meta: {
  channel?: string | undefined;
  messageTs?: string | undefined;
  responseUrl?: string | undefined;
}) => {
  const target: CardTarget = { ephemeral: meta.responseUrl !== undefined };
  if (meta.channel) target.channel = meta.channel;
  if (meta.messageTs) target.messageTs = meta.messageTs;
  if (meta.responseUrl) target.responseUrl = meta.responseUrl;
  return target;
};

/** The modal metadata that lets a submission update the card where it was clicked. */
export const metadataFromTarget = (target: CardTarget) => ({
  ...(target.channel ? { channel: target.channel } : {}),
  ...(target.messageTs && !target.ephemeral ? { messageTs: target.messageTs } : {}),
  ...(target.ephemeral && target.responseUrl ? { responseUrl: target.responseUrl } : {}),
});
