import { createColors } from 'picocolors';
import type { CardView } from '../conversation/card.js';
import type { TurnOutcome } from '../conversation/service.js';
import { messages } from '../domain/messages/messages.js';
import { type Playbook, typeProfile } from '../domain/playbook.js';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../domain/types.js';
import { renderPlaybookOverview, renderPlaybookType } from './playbook-command.js';
import { safeForTerminal } from './render-card.js';

/** Evidence lines shown with a card; /evidence lists them all. */
const SHOWN_SIGNALS = 5;

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** "✔ strategic confirmed · ID" once a card has a logged decision. */
export const decisionLine = (card: CardView, color: boolean): string => {
  if (!card.decision) return '';
  const m = messages(card.lang).chat;
  const how = card.decision.source === 'manager_override' ? m.overridden : m.confirmed;
  return createColors(color).green(`✔ ${card.decision.type} ${how} · ${card.decision.id}`);
};

/** Every evidence line of a card, strongest first. */
export const evidenceLines = (card: CardView, playbook: Playbook, limit = card.signals.length): string[] =>
  card.signals.slice(0, limit).map((s) => {
    const type = typeProfile(playbook, s.type).shortName[card.lang];
    return `  ${s.negated ? '-' : '+'} “${safeForTerminal(s.text)}” → ${type}`;
  });

/**
 * The team model's line, when it had a say, as on the Slack card: how many decisions it learned
 * from, what it did, and the most similar team-visible decisions (client, type, date).
 */
export const teamLineText = (card: CardView, playbook: Playbook): string | null => {
  const team = card.team;
  if (!team || team.weight === 0 || card.type === null) return null;
  const m = messages(card.lang);
  const short = (type: RelationshipType) => typeProfile(playbook, type).shortName[card.lang];
  const how = team.changed ? 'moved' : team.type === card.type ? 'agrees' : 'leans';
  // The Slack line opens with an emoji code; a terminal shows the words alone.
  let line = m
    .teamModelSays(team.decisions, short(how === 'moved' ? card.type : team.type), how)
    .replace(/^:\w+: /, '');
  if (team.guarded) line += m.teamModelGuarded;
  const similar = team.similar.map((s) => `${safeForTerminal(s.clientName)} (${short(s.type)}, ${s.date})`);
  if (similar.length > 0) line += ` · ${m.teamModelSimilar} ${similar.join(' · ')}`;
  return line;
};

/** A card as terminal text: the same content as the Slack card, in the card's one language. */
export const renderCardText = (card: CardView, playbook: Playbook, color: boolean): string => {
  const c = createColors(color);
  const m = messages(card.lang);
  const type = card.decision?.type ?? card.type;
  const title =
    type === null
      ? m.cardNotEnough
      : `${typeProfile(playbook, type).shortName[card.lang]} · ${typeProfile(playbook, type).name[card.lang]}`;
  const lines = [c.bold(title), `${m.cardClient}: ${safeForTerminal(card.clientName ?? m.unnamedClient)}`];
  if (type !== null && !card.decision) lines[1] += `   ${m.cardConfidence}: ${percent(card.confidence)}`;
  if (card.secondary && card.secondary !== type)
    lines.push(`${m.cardSecondary}: ${typeProfile(playbook, card.secondary).shortName[card.lang]}`);
  if (card.was && card.decision?.source === 'manager_override' && card.was.type) {
    const was = typeProfile(playbook, card.was.type).shortName[card.lang];
    lines.push(c.dim(m.cardWas(was, m.sourceNames[card.was.source] ?? card.was.source, percent(card.was.confidence))));
  }
  if (type === null) {
    lines.push('', m.cardNotEnoughBody, c.bold(m.cardDeciding), ...card.deciding.map((q) => `  • ${q[card.lang]}`));
  }
  lines.push('', c.bold(m.cardEvidence));
  lines.push(...(card.signals.length > 0 ? evidenceLines(card, playbook, SHOWN_SIGNALS) : [`  ${m.cliNoEvidence}`]));
  if (card.signals.length > SHOWN_SIGNALS) lines.push(c.dim(`  ${m.cliShowAll(card.signals.length - SHOWN_SIGNALS)}`));
  if (card.recommendations.length > 0) {
    lines.push('', c.bold(m.cardActions));
    card.recommendations.forEach((r, i) => {
      lines.push(`  ${i + 1}. ${r.title[card.lang]}`, `     ${c.dim(r.why[card.lang])}`);
    });
  }
  const team = teamLineText(card, playbook);
  if (team !== null) lines.push('', c.dim(team));
  for (const notice of card.notices) lines.push('', c.yellow(notice[card.lang]));
  if (card.decision) lines.push('', decisionLine(card, color));
  const model = card.versions.model ?? m.rulesOnly;
  lines.push('', c.dim(`playbook ${card.versions.playbook} · rules ${card.versions.rules} · ${model}`));
  return `${lines.join('\n')}\n`;
};

/** Everything but a card: welcome, playbook, history, the "is this a client?" and follow-up questions. */
export const renderOutcomeText = (outcome: TurnOutcome, playbook: Playbook, color: boolean): string => {
  const c = createColors(color);
  const m = messages(outcome.lang);
  const lang = outcome.lang;
  switch (outcome.kind) {
    case 'welcome': {
      const types = playbook.types.map((t) => `  • ${c.bold(t.shortName[lang])}: ${t.definition[lang]}`);
      const examples = m.welcomeExamples.map((e) => `  • ${e}`);
      return [
        c.bold(m.welcomeTitle),
        m.welcomeIntro,
        '',
        c.bold(m.welcomeTypes),
        ...types,
        '',
        c.bold(m.welcomeTryTitle),
        ...examples,
      ].join('\n');
    }
    case 'playbook':
      return outcome.type
        ? renderPlaybookType(typeProfile(playbook, outcome.type), playbook, lang, c)
        : renderPlaybookOverview(playbook, lang, c);
    case 'history': {
      if (outcome.history.length === 0) return m.clientNoHistory(safeForTerminal(outcome.clientName));
      const rows = outcome.history.map((d) => {
        const type = typeProfile(playbook, d.type).shortName[lang];
        const reason = d.reason ? ` · ${safeForTerminal(d.reason)}` : '';
        return `  ${d.createdAt.slice(0, 10)} ${type} · ${m.sourceNames[d.source] ?? d.source}${reason}`;
      });
      return [c.bold(m.clientHistory(safeForTerminal(outcome.clientName))), ...rows].join('\n');
    }
    case 'clarify':
      return `${c.bold('?')} ${m.clarifyQuestion(safeForTerminal(outcome.text))}\n${c.dim(m.cliClarifyHint)}`;
    case 'question': {
      const choices = outcome.choices.map((choice, i) => `  ${i + 1}) ${choice.label[lang]}`);
      const hint = outcome.yesNo ? '' : outcome.choices.length > 0 ? ` ${c.dim(m.cliChoiceHint)}` : '';
      return [`${c.bold('?')} ${outcome.question}${hint}`, ...choices].join('\n');
    }
    case 'stale':
      return m.staleButton;
    case 'empty':
      return m.emptyDescription;
    default:
      return '';
  }
};

/** The hint after a card without a type: the four types to choose from. */
export const chooseTypeHint = (card: CardView): string =>
  messages(card.lang).cliChooseType(RELATIONSHIP_TYPES.join(', '));
