import type { ActionsBlockElement } from '@slack/types';
import type { CardView } from '../../src/conversation/card.js';
import { messages } from '../../src/domain/messages/messages.js';
import { type Playbook, typeProfile } from '../../src/domain/playbook.js';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../src/domain/types.js';
import { escapeSlack, oneLine, quoteText, safeText, truncate } from '../../src/slack/escape.js';
import { ACTIONS } from '../ids.js';
import { encodeCardRef } from './card-ref.js';
import {
  actions,
  type Block,
  button,
  context,
  fields,
  header,
  LIMITS,
  option,
  plain,
  section,
  slackDate,
} from './kit.js';
import { teamModelLine } from './team-line.js';

/** Evidence bullets shown on the card; "Show all evidence" opens the rest. */
export const SHOWN_SIGNALS = 5;
const SPAN_CHARS = 120;

export type CardOptions = {
  /** Show the buttons (not on a shared copy). */
  interactive: boolean;
  /** The user who shared the card to a channel. */
  sharedBy?: string;
};

export type SlackMessage = { text: string; blocks: Block[] };

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** The type an RM sees: the decided one (an override redraws the card), else the classifier's. */
export const shownType = (card: CardView): RelationshipType | null => card.decision?.type ?? card.type;

const typeName = (playbook: Playbook, type: RelationshipType, card: CardView) => {
  const profile = typeProfile(playbook, type);
  return { emoji: profile.emoji, name: profile.name[card.lang], short: profile.shortName[card.lang] };
};

/** One evidence bullet: the quoted span and the type it points to. */
export const evidenceLine = (card: CardView, playbook: Playbook, signal: CardView['signals'][number]): string => {
  const m = messages(card.lang);
  const negated = signal.negated ? ` _(${m.cardNegated})_` : '';
  const type = typeName(playbook, signal.type, card).short;
  return `• “${quoteText(oneLine(signal.text), SPAN_CHARS)}” → ${escapeSlack(type)}${negated}`;
};

const evidenceBlock = (card: CardView, playbook: Playbook, interactive: boolean): Block => {
  const m = messages(card.lang);
  const lines = card.signals.slice(0, SHOWN_SIGNALS).map((s) => evidenceLine(card, playbook, s));
  const text = `*${m.cardEvidence}*\n${lines.length > 0 ? lines.join('\n') : m.cardNoEvidence}`;
  if (!interactive || card.signals.length <= SHOWN_SIGNALS) return section(text);
  const ref = encodeCardRef({ threadKey: card.threadKey, cardId: card.id });
  return section(text, { accessory: button(m.cardShowEvidence(card.signals.length), ACTIONS.showEvidence, ref) });
};

/** Each action with its one-line reason; lines are dropped whole (never cut mid-way) to fit. */
const actionsText = (card: CardView): string => {
  let text = `*${messages(card.lang).cardActions}*`;
  for (const rec of card.recommendations) {
    const line = `\n• *${safeText(rec.title[card.lang], 150)}*\n   ${safeText(oneLine(rec.why[card.lang]), 400)}`;
    if (text.length + line.length > LIMITS.section - 10) break;
    text += line;
  }
  return text;
};

/** The small print for whoever needs it (the log keeps all of it): decision id and versions. */
const detailsText = (card: CardView): string => {
  const m = messages(card.lang);
  const v = card.versions;
  const model = v.model === null ? m.rulesOnly : m.footerModel(escapeSlack(v.prompt ?? '-'), escapeSlack(v.model));
  const decision = card.decision ? m.cardDecisionRef(escapeSlack(card.decision.id.slice(-8))) : '';
  return m.cardDetails(decision, m.footer(escapeSlack(v.playbook), escapeSlack(v.rules), model));
};

const decisionText = (card: CardView, playbook: Playbook): string | null => {
  const d = card.decision;
  if (!d) return null;
  const m = messages(card.lang);
  const type = typeName(playbook, d.type, card).short;
  return d.source === 'manager_override'
    ? m.decisionChanged(d.userId, escapeSlack(type), slackDate(d.at))
    : m.decisionMade(d.userId, escapeSlack(type), slackDate(d.at));
};

/** "was: Strategic (rules, 80%)" and the reason, once the RM changed the type. */
const wasText = (card: CardView, playbook: Playbook): string | null => {
  if (!card.was || card.decision?.source !== 'manager_override') return null;
  const m = messages(card.lang);
  const was = card.was.type
    ? m.cardWas(
        escapeSlack(typeName(playbook, card.was.type, card).short),
        m.sourceNames[card.was.source] ?? card.was.source,
        percent(card.was.confidence),
      )
    : m.cardWasNone;
  const reason = card.decision.reason ? `\n${m.cardReason(quoteText(oneLine(card.decision.reason), 500))}` : '';
  return `${was}${reason}`;
};

const clientSection = (card: CardView, interactive: boolean): Block => {
  const m = messages(card.lang);
  const text = `*${m.cardClient}*\n${quoteText(oneLine(card.clientName ?? m.unnamedClient), 200)}`;
  if (!interactive) return section(text);
  const ref = encodeCardRef({ threadKey: card.threadKey, cardId: card.id });
  return section(text, { accessory: button(m.editClient, ACTIONS.editClient, ref) });
};

const changeTypeSelect = (card: CardView, playbook: Playbook, current: RelationshipType): ActionsBlockElement => ({
  type: 'static_select',
  action_id: ACTIONS.changeType,
  placeholder: plain(messages(card.lang).changeType, LIMITS.option),
  options: playbook.types.filter((t) => t.id !== current).map((t) => option(t.shortName[card.lang], t.id)),
});

const cardButtons = (card: CardView, playbook: Playbook, type: RelationshipType): Block => {
  const m = messages(card.lang);
  const ref = encodeCardRef({ threadKey: card.threadKey, cardId: card.id });
  const elements: ActionsBlockElement[] = [];
  // A decided card can still be corrected, shared and looked up, but not confirmed again.
  if (!card.decision) elements.push(button(m.confirm, ACTIONS.confirm, ref, 'primary'));
  elements.push(changeTypeSelect(card, playbook, type));
  elements.push(button(m.share, ACTIONS.share, ref));
  elements.push(button(m.fullPlaybook, ACTIONS.fullPlaybook, JSON.stringify({ t: type, l: card.lang })));
  return actions(elements, ref);
};

/** No type to show: the facts that would decide it, and the four types to choose from. */
const undecidedBlocks = (card: CardView, playbook: Playbook, options: CardOptions): Block[] => {
  const m = messages(card.lang);
  const blocks: Block[] = [header(`:grey_question: ${m.cardNotEnough}`), clientSection(card, options.interactive)];
  blocks.push(section(m.cardNotEnoughBody));
  if (card.deciding.length > 0) {
    const facts = card.deciding.map((q) => `• ${safeText(q[card.lang], 300)}`).join('\n');
    blocks.push(section(`*${m.cardDeciding}*\n${facts}`));
  }
  if (card.signals.length > 0) blocks.push(evidenceBlock(card, playbook, options.interactive));
  if (options.interactive) {
    blocks.push(section(`*${m.cardChooseType}*`));
    const choices = RELATIONSHIP_TYPES.map((type) => {
      const t = typeName(playbook, type, card);
      return button(
        t.short,
        `${ACTIONS.chooseType}_${type}`,
        JSON.stringify({ k: card.threadKey, c: card.id, t: type }),
      );
    });
    blocks.push(actions(choices, `choose:${card.id}`));
  }
  return blocks;
};

const typedBlocks = (card: CardView, playbook: Playbook, type: RelationshipType, options: CardOptions): Block[] => {
  const m = messages(card.lang);
  const t = typeName(playbook, type, card);
  const blocks: Block[] = [header(`${t.emoji} ${t.name}`), clientSection(card, options.interactive)];
  const secondary = card.secondary && card.secondary !== type ? typeName(playbook, card.secondary, card).short : null;
  blocks.push(
    fields([
      `*${m.cardType}*\n${t.emoji} ${escapeSlack(t.short)}`,
      `*${m.cardConfidence}*\n${card.decision?.source === 'manager_override' ? '—' : percent(card.confidence)}`,
      ...(secondary ? [`*${m.cardSecondary}*\n${escapeSlack(secondary)}`] : []),
    ]),
  );
  const was = wasText(card, playbook);
  if (was) blocks.push(context(was));
  if (card.llm && card.agreement && !was) {
    const llmType = typeName(playbook, card.llm.type, card).short;
    const rulesType = typeName(playbook, card.rulesType, card).short;
    const verdict = card.agreement === 'agree' ? m.agreement(llmType) : m.disagreement(rulesType, llmType);
    blocks.push(context(verdict, `> ${quoteText(oneLine(card.llm.rationale), 600)}`));
  }
  const teamLine = teamModelLine(card, playbook);
  if (teamLine) blocks.push(context(teamLine));
  blocks.push(evidenceBlock(card, playbook, options.interactive));
  blocks.push(section(actionsText(card)));
  return blocks;
};

/**
 * The classification card, used by every surface (threads, /classify, the shortcut, shares), in
 * the card's one language: the client (editable), type and confidence, the strongest evidence,
 * the actions each with the reason it applies, then the buttons. After a change of type the card
 * is drawn as the new type, with what it was. Ids, versions and setup notes sit in the small
 * print. User and model text is escaped and trimmed to Block Kit limits.
 */
export const buildClassificationCard = (card: CardView, playbook: Playbook, options: CardOptions): SlackMessage => {
  const m = messages(card.lang);
  const type = shownType(card);
  const blocks = type === null ? undecidedBlocks(card, playbook, options) : typedBlocks(card, playbook, type, options);
  const decided = decisionText(card, playbook);
  if (decided) blocks.push(section(decided));
  if (options.interactive && type !== null) blocks.push(cardButtons(card, playbook, type));
  const notices = card.notices.map((n) => `:information_source: ${safeText(n[card.lang], 400)}`);
  const shared = options.sharedBy ? [m.sharedBy(options.sharedBy)] : [];
  blocks.push(context(...shared, ...notices, detailsText(card)));
  const client = oneLine(card.clientName ?? m.unnamedClient);
  const label = type === null ? m.cardNotEnough : typeName(playbook, type, card).short;
  const confidence = type === null || card.decision ? '' : ` · ${percent(card.confidence)}`;
  return { text: `${label} · ${truncate(escapeSlack(client), 100)}${confidence}`, blocks };
};
