import type { EarlyWarning } from '../../src/domain/early-warning.js';
import { messages } from '../../src/domain/messages/messages.js';
import { findAction, type Playbook, typeProfile } from '../../src/domain/playbook.js';
import type { Lang } from '../../src/domain/types.js';
import { escapeSlack, oneLine, safeText } from '../../src/slack/escape.js';
import type { SlackMessage } from './classification-card.js';
import { context, section } from './kit.js';

/** The alert posted to QUADRANT_ALERT_CHANNEL: client, previous type, new evidence, transition actions. */
export const buildEarlyWarning = (warning: EarlyWarning, playbook: Playbook, lang: Lang): SlackMessage => {
  const t = messages(lang).earlyWarning;
  const client = safeText(oneLine(warning.clientName), 150);
  const from = escapeSlack(typeProfile(playbook, warning.previous.type).shortName[lang]);
  const evidence = warning.evidence.map((e) => `• “${safeText(oneLine(e), 120)}”`).join('\n');
  const actions = warning.actionIds
    .map((id) => findAction(playbook, id))
    .filter((a) => a !== undefined)
    .map((a) => `• *${safeText(a.title[lang], 150)}* \`${escapeSlack(a.id)}\``)
    .join('\n');
  const blocks = [
    section(`${t.title(client, from)} (${escapeSlack(warning.previous.date)})`),
    section(`*${t.evidence}*\n${evidence}`),
    ...(actions === '' ? [] : [section(`*${t.actions}*\n${actions}`)]),
    context(t.history(safeText(oneLine(warning.clientName), 80))),
  ];
  const to = typeProfile(playbook, 'problem_solving').shortName[lang];
  return { text: `${oneLine(warning.clientName)}: ${from} → ${to}`.slice(0, 200), blocks };
};
