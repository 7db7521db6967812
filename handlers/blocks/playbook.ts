import { messages } from '../../src/domain/messages/messages.js';
import {
  type Playbook,
  type PlaybookSearchResult,
  parseTypeName,
  searchPlaybook,
  typeProfile,
} from '../../src/domain/playbook.js';
import type { Lang, RelationshipType } from '../../src/domain/types.js';
import { safeText } from '../../src/slack/escape.js';
import { ACTIONS, VIEWS } from '../ids.js';
import type { SlackMessage } from './classification-card.js';
import { type Block, button, context, divider, header, plain, section } from './kit.js';

export const openTypeValue = (type: RelationshipType, lang: Lang): string => JSON.stringify({ t: type, l: lang });

/** `/playbook` with no argument: the four types at a glance, each with a button to open it. */
export const buildPlaybookGlance = (playbook: Playbook, lang: Lang): SlackMessage => {
  const m = messages(lang);
  const blocks: Block[] = [header(m.playbookGlance)];
  for (const type of playbook.types) {
    blocks.push(
      section(`${type.emoji} *${safeText(type.name[lang], 150)}*\n${safeText(type.definition[lang], 600)}`, {
        accessory: button(m.playbookOpen, ACTIONS.openType, openTypeValue(type.id, lang)),
      }),
    );
  }
  blocks.push(context(m.playbookUsage, `${safeText(playbook.version, 60)}`));
  return { text: m.playbookGlance, blocks };
};

/** Everything the playbook says about one type, as blocks (for a message or a modal). */
export const typePlaybookBlocks = (playbook: Playbook, type: RelationshipType, lang: Lang): Block[] => {
  const m = messages(lang);
  const profile = typeProfile(playbook, type);
  const list = (items: string[]) => items.map((i) => `• ${i}`).join('\n');
  const blocks: Block[] = [
    section(`${profile.emoji} *${safeText(profile.name[lang], 150)}*\n${safeText(profile.definition[lang], 1500)}`),
    section(`*${m.playbookTypicalClients}*\n${list(profile.typicalClients.map((c) => safeText(c[lang], 300)))}`),
    section(
      `*${m.playbookCharacteristics}*\n${list(
        profile.characteristics.map((c) => `*${safeText(c.title[lang], 100)}*: ${safeText(c.detail[lang], 400)}`),
      )}`,
    ),
    divider(),
    section(`*${m.playbookStrategies}*`),
  ];
  for (const action of profile.actions.slice(0, 20)) {
    blocks.push(
      section(
        `*${safeText(action.title[lang], 200)}* \`${safeText(action.id, 60)}\`\n${safeText(action.howTo[lang], 2000)}`,
      ),
    );
  }
  const practices = playbook.practices.filter((p) =>
    p.when.some((w) => w.types === undefined || w.types.includes(type)),
  );
  if (practices.length > 0) {
    blocks.push(
      section(
        `*${m.playbookPractices}*\n${list(practices.slice(0, 12).map((p) => `*${safeText(p.title[lang], 150)}* \`${safeText(p.id, 60)}\``))}`,
      ),
    );
  }
  return blocks;
};

export const buildTypePlaybookMessage = (playbook: Playbook, type: RelationshipType, lang: Lang): SlackMessage => ({
  text: typeProfile(playbook, type).name[lang],
  blocks: [...typePlaybookBlocks(playbook, type, lang), context(safeText(playbook.version, 60))].slice(0, 50),
});

/** The "Full playbook" modal. */
export const buildPlaybookModal = (playbook: Playbook, type: RelationshipType, lang: Lang) => ({
  type: 'modal' as const,
  callback_id: VIEWS.playbook,
  title: plain(messages(lang).playbookTitle),
  close: plain(messages(lang).cancel),
  blocks: typePlaybookBlocks(playbook, type, lang).slice(0, 100),
});

/**
 * The playbook's answer to an argument, as `/playbook` gives it (and a playbook question in a
 * thread): nothing → the four types; a type → its whole playbook; a keyword → the matches.
 */
export const playbookAnswer = (playbook: Playbook, arg: string, lang: Lang, type?: RelationshipType): SlackMessage => {
  const found = type ?? (arg === '' ? undefined : parseTypeName(arg));
  if (found) return buildTypePlaybookMessage(playbook, found, lang);
  if (arg === '') return buildPlaybookGlance(playbook, lang);
  const matches = searchPlaybook(playbook, arg);
  // A whole question matches no entry word for word: the four types answer it best.
  if (matches.types.length === 0 && matches.actions.length === 0 && arg.length > 20)
    return buildPlaybookGlance(playbook, lang);
  return buildPlaybookSearch(playbook, arg, matches, lang);
};

/** `/playbook KEYWORD`: matching types and actions. */
export const buildPlaybookSearch = (
  playbook: Playbook,
  keyword: string,
  found: PlaybookSearchResult,
  lang: Lang,
): SlackMessage => {
  const m = messages(lang);
  const shown = safeText(keyword, 100);
  if (found.types.length === 0 && found.actions.length === 0) {
    return { text: m.playbookNoMatch(shown), blocks: [section(m.playbookNoMatch(shown)), context(m.playbookUsage)] };
  }
  const blocks: Block[] = [header(m.playbookMatches(keyword))];
  for (const type of found.types.slice(0, 4)) {
    const profile = typeProfile(playbook, type);
    blocks.push(
      section(`${profile.emoji} *${safeText(profile.name[lang], 150)}*\n${safeText(profile.definition[lang], 600)}`, {
        accessory: button(m.playbookOpen, ACTIONS.openType, openTypeValue(type, lang)),
      }),
    );
  }
  for (const action of found.actions.slice(0, 40)) {
    blocks.push(
      section(
        `*${safeText(action.title[lang], 200)}* \`${safeText(action.id, 60)}\`\n${safeText(action.howTo[lang], 1500)}`,
      ),
    );
  }
  return { text: m.playbookMatches(shown), blocks: blocks.slice(0, 50) };
};
