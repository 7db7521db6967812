import type { CardView } from '../../src/conversation/card.js';
import { type Playbook, typeProfile } from '../../src/domain/playbook.js';
import type { RelationshipType } from '../../src/domain/types.js';
import { messages } from '../../src/i18n/messages.js';
import { escapeSlack, oneLine, quoteText, safeText, truncate } from '../../src/slack/escape.js';
import { ACTIONS } from '../ids.js';
import { encodeCardRef } from './card-ref.js';
import { type Block, button, context, fields, header, LIMITS, option, section, slackDate } from './kit.js';
import { teamModelLine } from './team-line.js';

/** Evidence bullets shown; the card says how many more there were. */
const SHOWN_SIGNALS = 5;
const SPAN_CHARS = 120;

export type CardOptions = {
  /** Show the buttons (not on a shared copy); once a decision is logged, only Share and Full playbook. */
  interactive: boolean;
  /** The user who shared the card to a channel. */
  sharedBy?: string;
};

export type SlackMessage = { text: string; blocks: Block[] };

const typeLabel = (playbook: Playbook, type: RelationshipType) => {
  const profile = typeProfile(playbook, type);
  return { emoji: profile.emoji, both: `${profile.name.zh} / ${profile.name.en}`, short: profile.shortName };
};

const evidenceText = (card: CardView, playbook: Playbook): string => {
  const m = messages(card.lang);
  if (card.signals.length === 0) return `*${m.cardEvidence}*\n${m.cardNoEvidence}`;
  const lines = card.signals.slice(0, SHOWN_SIGNALS).map((signal) => {
    const type = typeLabel(playbook, signal.type).short[card.lang];
    const negated = signal.negated ? ` _(${m.cardNegated})_` : '';
    return `• “${quoteText(oneLine(signal.text), SPAN_CHARS)}” → ${escapeSlack(type)}${negated}`;
  });
  const more = card.signals.length - SHOWN_SIGNALS;
  if (more > 0) lines.push(m.cardMoreSignals(more));
  return `*${m.cardEvidence}*\n${lines.join('\n')}`;
};

/** One line per action; lines are dropped whole (never cut mid-way) to stay under the section limit. */
const actionsText = (card: CardView): string => {
  const m = messages(card.lang);
  const head = `*${m.cardActions}*`;
  let text = head;
  for (const rec of card.recommendations) {
    const line = `\n• *${safeText(rec.title[card.lang], 150)}* \`${safeText(rec.id, 60)}\`\n   ${safeText(oneLine(rec.why[card.lang]), 400)}`;
    if (text.length + line.length > LIMITS.section - 10) break;
    text += line;
  }
  return text;
};

const footerText = (card: CardView): string => {
  const m = messages(card.lang);
  const v = card.versions;
  const model = v.model === null ? m.rulesOnly : m.footerModel(escapeSlack(v.prompt ?? '-'), escapeSlack(v.model));
  return m.footer(escapeSlack(v.playbook), escapeSlack(v.rules), model);
};

const decisionText = (card: CardView, playbook: Playbook): string | null => {
  const d = card.decision;
  if (!d) return null;
  const m = messages(card.lang);
  const type = typeLabel(playbook, d.type).short[card.lang];
  return d.source === 'manager_override'
    ? m.decisionOverridden(d.userId, type, quoteText(oneLine(d.reason ?? ''), 500), slackDate(d.at), escapeSlack(d.id))
    : m.decisionConfirmed(d.userId, type, slackDate(d.at), escapeSlack(d.id));
};

const buttons = (card: CardView, playbook: Playbook): Block => {
  const m = messages(card.lang);
  const ref = encodeCardRef({ threadKey: card.threadKey, cardId: card.id });
  const others = playbook.types.filter((t) => t.id !== card.type);
  return {
    type: 'actions',
    block_id: ref,
    elements: [
      button(m.confirm, ACTIONS.confirm, ref, 'primary'),
      {
        type: 'static_select',
        action_id: ACTIONS.changeType,
        placeholder: { type: 'plain_text', text: truncate(m.changeType, LIMITS.option), emoji: true },
        options: others.map((t) => option(`${t.shortName[card.lang]}`, t.id)),
      },
      button(m.share, ACTIONS.share, ref),
      button(m.fullPlaybook, ACTIONS.fullPlaybook, JSON.stringify({ t: card.type, l: card.lang })),
    ],
  };
};

const afterDecisionButtons = (card: CardView): Block => {
  const m = messages(card.lang);
  const ref = encodeCardRef({ threadKey: card.threadKey, cardId: card.id });
  return {
    type: 'actions',
    block_id: ref,
    elements: [
      button(m.share, ACTIONS.share, ref),
      button(m.fullPlaybook, ACTIONS.fullPlaybook, JSON.stringify({ t: card.type, l: card.lang })),
    ],
  };
};

/**
 * The classification card, used by every surface (threads, /classify, the shortcut, shares):
 * client, type with its bilingual name and emoji, confidence, secondary type, quoted evidence,
 * rules-versus-LLM agreement, 3–6 recommended actions with ids, versions, and the buttons or
 * the logged decision. User and model text is escaped and trimmed to Block Kit limits.
 */
export const buildClassificationCard = (card: CardView, playbook: Playbook, options: CardOptions): SlackMessage => {
  const m = messages(card.lang);
  const type = typeLabel(playbook, card.type);
  const client = card.clientName === null ? m.unnamedClient : oneLine(card.clientName);
  const blocks: Block[] = [header(`${type.emoji} ${type.both}`)];
  blocks.push(
    fields([
      `*${m.cardClient}*\n${quoteText(client, 200)}`,
      `*${m.cardType}*\n${type.emoji} ${escapeSlack(type.short[card.lang])}`,
      `*${m.cardConfidence}*\n${Math.round(card.confidence * 100)}%`,
      `*${m.cardSecondary}*\n${card.secondary === null ? '—' : escapeSlack(typeLabel(playbook, card.secondary).short[card.lang])}`,
    ]),
  );
  if (card.llm && card.agreement) {
    const llmType = typeLabel(playbook, card.llm.type).short[card.lang];
    const rulesType = typeLabel(playbook, card.rulesType).short[card.lang];
    const verdict = card.agreement === 'agree' ? m.agreement(llmType) : m.disagreement(rulesType, llmType);
    blocks.push(context(verdict, `> ${quoteText(oneLine(card.llm.rationale), 600)}`));
  }
  const teamLine = teamModelLine(card, playbook);
  if (teamLine) blocks.push(context(teamLine));
  if (card.notices.length > 0)
    blocks.push(context(...card.notices.map((n) => `:information_source: ${safeText(n[card.lang], 400)}`)));
  blocks.push(section(evidenceText(card, playbook)));
  blocks.push(section(actionsText(card)));
  blocks.push(context(footerText(card)));
  const decided = decisionText(card, playbook);
  if (decided) blocks.push(section(decided));
  // A decided card can still be shared and looked up, but not decided again.
  if (options.interactive) blocks.push(decided ? afterDecisionButtons(card) : buttons(card, playbook));
  if (options.sharedBy) blocks.push(context(m.sharedBy(options.sharedBy)));
  const text = `${type.short[card.lang]} · ${truncate(escapeSlack(client), 100)} · ${Math.round(card.confidence * 100)}%`;
  return { text, blocks };
};
