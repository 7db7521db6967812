import { messages } from '../../src/domain/messages/messages.js';
import { type Playbook, typeProfile } from '../../src/domain/playbook.js';
import type { Lang } from '../../src/domain/types.js';
import { oneLine, quoteText, safeText } from '../../src/slack/escape.js';
import type { Decision } from '../../src/store/ports.js';
import type { SlackMessage } from './classification-card.js';
import { type Block, context, header, section, slackDate } from './kit.js';

/** Two blocks per entry (the entry, its id), plus the header and a note on older entries: 50 at most. */
const MAX_ENTRIES = 24;

/**
 * `/client NAME`: the decisions the caller may see, oldest first, type changes highlighted.
 * Only the newest entries are shown when the history is longer than a message can hold.
 */
export const buildClientTimeline = (
  name: string,
  history: Decision[],
  playbook: Playbook,
  lang: Lang,
): SlackMessage => {
  const m = messages(lang);
  const shown = quoteText(oneLine(name), 100);
  if (history.length === 0)
    return { text: m.clientNoHistory(shown), blocks: [section(m.clientNoHistory(shown)), context(m.clientUsage)] };
  const label = (type: Decision['type']) => {
    const profile = typeProfile(playbook, type);
    return `${profile.emoji} ${profile.shortName[lang]}`;
  };
  const recent = history.slice(-MAX_ENTRIES);
  const blocks: Block[] = [header(m.clientHistory(oneLine(history.at(-1)?.clientName ?? name)))];
  if (recent.length < history.length) blocks.push(context(`… ${history.length - recent.length}`));
  for (const d of recent) {
    const lines = [m.clientEntry(label(d.type), d.userId, slackDate(d.createdAt), m.sourceNames[d.source] ?? d.source)];
    if (d.transition) lines.unshift(m.clientTransition(label(d.transition.from), label(d.transition.to)));
    if (d.reason) lines.push(`> ${quoteText(oneLine(d.reason), 500)}`);
    // RMs read client, type, date, who and why; the id is for support and audit, so it stays small.
    blocks.push(section(lines.join('\n')), context(`ID ${safeText(d.id, 40)}`));
  }
  return { text: m.clientHistory(shown), blocks: blocks.slice(0, 50) };
};
