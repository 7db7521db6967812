import type { ModalView } from '@slack/types';
import type { CardView } from '../../src/conversation/card.js';
import { messages } from '../../src/domain/messages/messages.js';
import { type Playbook, typeProfile } from '../../src/domain/playbook.js';
import type { Lang, RelationshipType } from '../../src/domain/types.js';
import { escapeSlack } from '../../src/slack/escape.js';
import { BLOCKS, VIEWS } from '../ids.js';
import type { CardRef } from './card-ref.js';
import { evidenceLine } from './classification-card.js';
import { type Block, plain, section } from './kit.js';

/** What a modal carries back on submission: the card, the chosen type and where the card is shown. */
export type ModalMetadata = CardRef & {
  type?: RelationshipType;
  /** The card message to update: a channel message, or an ephemeral via its response_url. */
  channel?: string;
  messageTs?: string;
  responseUrl?: string;
};

export const encodeMetadata = (meta: ModalMetadata): string => JSON.stringify(meta);

/** A form about a card: the card travels in private_metadata, and every form closes with Cancel. */
const formModal = (
  form: { callbackId: string; meta: ModalMetadata; title: string; submit: string; lang: Lang },
  blocks: Block[],
): ModalView => ({
  type: 'modal',
  callback_id: form.callbackId,
  private_metadata: encodeMetadata(form.meta),
  title: plain(form.title),
  submit: plain(form.submit),
  close: plain(messages(form.lang).cancel),
  blocks,
});

/** "Change type" → this modal asks for the reason, which an override must have. */
export const buildChangeTypeModal = (
  playbook: Playbook,
  meta: ModalMetadata & { type: RelationshipType },
  lang: Lang,
) => {
  const m = messages(lang);
  const profile = typeProfile(playbook, meta.type);
  return formModal({ callbackId: VIEWS.changeTypeReason, meta, title: m.changeTypeTitle, submit: m.submitLog, lang }, [
    section(m.changeTypeLabel(`${profile.emoji} ${escapeSlack(profile.shortName[lang])}`)),
    {
      type: 'input',
      block_id: BLOCKS.reason,
      label: plain(m.reasonLabel, 2000),
      element: {
        type: 'plain_text_input',
        action_id: BLOCKS.reasonInput,
        multiline: true,
        min_length: 1,
        max_length: 1000,
        placeholder: plain(m.reasonPlaceholder, 150),
      },
    },
  ]);
};

/** "Share to channel" → a conversation picker. */
export const buildShareModal = (meta: ModalMetadata, lang: Lang) => {
  const m = messages(lang);
  return formModal({ callbackId: VIEWS.shareCard, meta, title: m.shareTitle, submit: m.shareSubmit, lang }, [
    section(m.shareVisibility),
    {
      type: 'input',
      block_id: BLOCKS.shareChannel,
      label: plain(m.shareLabel, 2000),
      element: {
        type: 'conversations_select',
        action_id: BLOCKS.shareChannelInput,
        default_to_current_conversation: true,
        placeholder: plain(m.shareLabel, 150),
        filter: { include: ['public', 'private'], exclude_bot_users: true },
      },
    },
  ]);
};

/** "Edit client": the name this card's client goes by; usable before and after Confirm. */
export const buildEditClientModal = (meta: ModalMetadata, current: string, lang: Lang) => {
  const m = messages(lang);
  return formModal({ callbackId: VIEWS.editClient, meta, title: m.editClientTitle, submit: m.editClientSave, lang }, [
    {
      type: 'input' as const,
      block_id: BLOCKS.clientName,
      label: plain(m.editClientLabel, 2000),
      hint: plain(m.editClientHint, 2000),
      element: {
        type: 'plain_text_input' as const,
        action_id: BLOCKS.clientNameInput,
        max_length: 120,
        initial_value: current.slice(0, 120),
        placeholder: plain(m.editClientPlaceholder, 150),
      },
    },
  ]);
};

/** "Show all evidence": every quoted span, strongest first. */
export const buildEvidenceModal = (card: CardView, playbook: Playbook) => {
  const m = messages(card.lang);
  const lines = card.signals.map((s) => evidenceLine(card, playbook, s));
  const chunks: string[] = [];
  for (const line of lines) {
    const last = chunks.at(-1);
    if (last !== undefined && last.length + line.length < 2900) chunks[chunks.length - 1] = `${last}\n${line}`;
    else chunks.push(line);
  }
  return {
    type: 'modal' as const,
    callback_id: VIEWS.evidence,
    title: plain(m.cardEvidenceTitle),
    close: plain(m.cancel),
    blocks: chunks.slice(0, 50).map((chunk) => section(chunk)),
  };
};
