import type { PlainTextOption } from '@slack/types';
import { messages } from '../../src/domain/messages/messages.js';
import { type Playbook, typeProfile } from '../../src/domain/playbook.js';
import { type EconomicCycle, type Lang, RELATIONSHIP_TYPES, type RelationshipType } from '../../src/domain/types.js';
import { oneLine, quoteText, safeText } from '../../src/slack/escape.js';
import type { Decision, UserSettings } from '../../src/store/ports.js';
import { ACTIONS } from '../ids.js';
import { type Block, context, divider, header, option, plain, section, slackDate } from './kit.js';

export type HomeData = {
  lang: Lang;
  recent: Decision[];
  distribution: Record<RelationshipType, number>;
  changes: Decision[];
  settings: { lang: UserSettings['lang']; cycle: EconomicCycle };
  isAdmin: boolean;
};

const BAR_WIDTH = 20;

/** A bar drawn with block characters, proportional to the largest count. */
export const bar = (count: number, max: number): string =>
  max === 0 ? '' : '█'.repeat(Math.round((count / max) * BAR_WIDTH)) || (count > 0 ? '▏' : '');

const typeName = (playbook: Playbook, type: RelationshipType, lang: Lang) => {
  const profile = typeProfile(playbook, type);
  return `${profile.emoji} ${profile.shortName[lang]}`;
};

/** The select's current value, so Slack never shows its own (English) "Select an item". */
const initial = (options: PlainTextOption[], value: string) => {
  const found = options.find((o) => o.value === value) ?? options[0];
  return found ? { initial_option: found } : {};
};

/**
 * The App Home tab: the viewer's recent decisions, the team's distribution by type, clients
 * whose type changed in the last 30 days, and settings (language per user; economic cycle per
 * workspace, editable by admins only).
 */
export const buildHomeView = (data: HomeData, playbook: Playbook) => {
  const m = messages(data.lang);
  const lang = data.lang;
  const blocks: Block[] = [header(m.homeRecent)];
  if (data.recent.length === 0) blocks.push(section(m.homeNoDecisions));
  for (const d of data.recent.slice(0, 10)) {
    blocks.push(
      section(
        `*${quoteText(oneLine(d.clientName), 120)}* · ${typeName(playbook, d.type, lang)} · ${slackDate(d.createdAt)} · \`${safeText(d.id, 40)}\``,
      ),
    );
  }
  blocks.push(divider(), header(m.homeDistribution));
  const max = Math.max(0, ...Object.values(data.distribution));
  blocks.push(
    section(
      RELATIONSHIP_TYPES.map((type) => {
        const n = data.distribution[type];
        return `${typeName(playbook, type, lang)}  \`${bar(n, max).padEnd(BAR_WIDTH, ' ')}\` ${n}`;
      }).join('\n'),
    ),
  );
  blocks.push(divider(), header(m.homeChanges));
  if (data.changes.length === 0) blocks.push(section(m.homeNoChanges));
  for (const d of data.changes.slice(0, 15)) {
    const from = d.transition ? typeName(playbook, d.transition.from, lang) : '?';
    blocks.push(
      section(
        `*${quoteText(oneLine(d.clientName), 120)}*: ${from} → ${typeName(playbook, d.type, lang)} · ${slackDate(d.createdAt)}`,
      ),
    );
  }
  blocks.push(divider(), header(m.homeSettings));
  const langOptions = [option(m.langAuto, 'auto'), option('中文', 'zh'), option('English', 'en')];
  blocks.push(
    section(`*${m.homeLanguage}*`, {
      accessory: {
        type: 'static_select',
        action_id: ACTIONS.homeLang,
        placeholder: plain(m.homeLanguage, 150),
        options: langOptions,
        ...initial(langOptions, data.settings.lang),
      },
    }),
  );
  const cycleOptions = (['normal', 'downturn'] as const).map((c) => option(m.cycleNames[c] ?? c, c));
  if (data.isAdmin) {
    blocks.push(
      section(`*${m.homeCycle}*`, {
        accessory: {
          type: 'static_select',
          action_id: ACTIONS.homeCycle,
          placeholder: plain(m.homeCycle, 150),
          options: cycleOptions,
          ...initial(cycleOptions, data.settings.cycle),
        },
      }),
    );
  } else {
    blocks.push(section(`*${m.homeCycle}*: ${m.cycleNames[data.settings.cycle] ?? data.settings.cycle}`));
    blocks.push(context(m.homeCycleAdminsOnly));
  }
  return { type: 'home' as const, blocks: blocks.slice(0, 100) };
};
