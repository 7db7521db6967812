import type { CardView } from '../../src/conversation/card.js';
import { messages } from '../../src/domain/messages/messages.js';
import { type Playbook, typeProfile } from '../../src/domain/playbook.js';
import type { RelationshipType } from '../../src/domain/types.js';
import { escapeSlack, oneLine, safeText } from '../../src/slack/escape.js';

const CLIENT_CHARS = 40;

/**
 * The card's one line about the team model, when it had a say: how many decisions it learned from,
 * what it did, and the most similar team-visible decisions (client, type, date, and the `/client`
 * command that opens that client's history). Null when the team model was silent.
 */
export const teamModelLine = (card: CardView, playbook: Playbook): string | null => {
  const team = card.team;
  // A card without a type (no real signal) has nothing for the team model to agree or lean with.
  if (!team || team.weight === 0 || card.type === null) return null;
  const cardType = card.type;
  const m = messages(card.lang);
  const short = (type: RelationshipType) => escapeSlack(typeProfile(playbook, type).shortName[card.lang]);
  const how = team.changed ? 'moved' : team.type === cardType ? 'agrees' : 'leans';
  let line = m.teamModelSays(team.decisions, short(how === 'moved' ? cardType : team.type), how);
  if (team.guarded) line += m.teamModelGuarded;
  if (team.similar.length > 0) {
    const items = team.similar.map((s) => {
      const client = safeText(oneLine(s.clientName), CLIENT_CHARS);
      return `${client} (${short(s.type)}, ${escapeSlack(s.date)}) \`/client ${escapeSlack(oneLine(s.clientName).slice(0, CLIENT_CHARS))}\``;
    });
    line += ` · ${m.teamModelSimilar} ${items.join(' · ')}`;
  }
  return line;
};
