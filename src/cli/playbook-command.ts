import { parseArgs } from 'node:util';
import { createColors } from 'picocolors';
import { loadConfig } from '../config.js';
import { detectLang } from '../domain/lang.js';
import { messages } from '../domain/messages/messages.js';
import {
  type Playbook,
  type PlaybookAction,
  type Practice,
  parseTypeName,
  searchPlaybook,
  type TypeProfile,
} from '../domain/playbook.js';
import type { Lang } from '../domain/types.js';
import { loadPlaybook } from '../playbook-file.js';
import { type Command, UsageError } from './io.js';

export const PLAYBOOK_HELP = `Usage:
  quadrant playbook                  the four types at a glance
  quadrant playbook TYPE             one type in full (strategic, transactional, partnership, problem_solving, or 伙伴型…)
  quadrant playbook KEYWORD          the actions matching a keyword, e.g. quadrant playbook 纾困
Options: --lang zh|en   --json`;

type Colors = ReturnType<typeof createColors>;

const renderAction = (action: PlaybookAction | Practice, lang: Lang, c: Colors) =>
  [`  • ${c.bold(action.title[lang])} ${c.dim(`[${action.id}]`)}`, `    ${action.howTo[lang]}`].join('\n');

export const renderPlaybookType = (type: TypeProfile, playbook: Playbook, lang: Lang, c: Colors) => {
  const t = messages(lang).terminal;
  const lines = [
    c.bold(`${type.name[lang]} (${type.id})`),
    type.definition[lang],
    `${t.typicalClients}: ${type.typicalClients.map((x) => x[lang]).join(t.listSeparator)}`,
    c.bold(t.characteristics),
    ...type.characteristics.map((ch) => `  - ${ch.title[lang]}: ${ch.detail[lang]}`),
    c.bold(t.strategies),
    ...type.actions.map((a) => renderAction(a, lang, c)),
  ];
  const practices = playbook.practices.filter((p) => p.when.some((w) => w.types?.includes(type.id)));
  if (practices.length > 0) {
    lines.push(c.bold(t.relatedPractices));
    lines.push(...practices.map((p) => `${renderAction(p, lang, c)}\n    ${c.dim(p.why[lang])}`));
  }
  return lines.join('\n');
};

export const renderPlaybookOverview = (playbook: Playbook, lang: Lang, c: Colors) =>
  [
    c.bold(messages(lang).terminal.overview(playbook.version)),
    ...playbook.types.map(
      (t) =>
        `\n${c.bold(`${t.shortName[lang]} · ${t.id}`)}\n  ${t.definition[lang]}\n  ${t.actions.map((a) => a.title[lang]).join(' / ')}`,
    ),
    '',
    messages(lang).terminal.practices,
    ...playbook.practices.map((p) => `  • ${p.title[lang]} [${p.id}]`),
  ].join('\n');

export const runPlaybookCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      lang: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${PLAYBOOK_HELP}\n`);
    return 0;
  }
  if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') {
    throw new UsageError(`--lang must be zh or en, got "${values.lang}"`);
  }
  const query = positionals.join(' ').trim();
  const lang: Lang = (values.lang as Lang | undefined) ?? detectLang(query, 'en');
  // Only the playbook: no classifier, so a lookup never loads the LLM client.
  const playbook = loadPlaybook(loadConfig(io.env).playbookPath);
  const c = createColors(io.stdout.isTTY === true);
  if (query === '') {
    io.stdout.write(values.json ? `${JSON.stringify(playbook)}\n` : `${renderPlaybookOverview(playbook, lang, c)}\n`);
    return 0;
  }
  const typeId = parseTypeName(query);
  if (typeId) {
    const type = playbook.types.find((t) => t.id === typeId);
    if (type) {
      io.stdout.write(values.json ? `${JSON.stringify(type)}\n` : `${renderPlaybookType(type, playbook, lang, c)}\n`);
      return 0;
    }
  }
  const found = searchPlaybook(playbook, query);
  if (values.json) {
    io.stdout.write(`${JSON.stringify(found)}\n`);
    return found.actions.length + found.types.length > 0 ? 0 : 1;
  }
  if (found.actions.length === 0 && found.types.length === 0) {
    io.stdout.write(`${messages(lang).terminal.noMatch(query)}\n`);
    return 1;
  }
  const lines: string[] = [];
  if (found.types.length > 0) {
    lines.push(c.bold(messages(lang).terminal.matchingTypes));
    for (const id of found.types) {
      const type = playbook.types.find((t) => t.id === id);
      if (type) lines.push(`  ${type.shortName[lang]} (${type.id}): ${type.definition[lang]}`);
    }
  }
  if (found.actions.length > 0) {
    lines.push(c.bold(messages(lang).terminal.matchingActions));
    lines.push(...found.actions.map((a) => renderAction(a, lang, c)));
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
};
