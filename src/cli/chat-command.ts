import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createColors } from 'picocolors';
import type { CardView } from '../conversation/card.js';
import { ConversationError, type ConversationService, createConversationService } from '../conversation/service.js';
import { type Playbook, typeProfile } from '../domain/playbook.js';
import { redact } from '../domain/redact.js';
import { isRelationshipType, type Lang, RELATIONSHIP_TYPES } from '../domain/types.js';
import { messages } from '../i18n/messages.js';
import { openStore } from '../store/open-store.js';
import { StoreError } from '../store/ports.js';
import { buildCliContext } from './context.js';
import { type Command, type CommandIo, UsageError } from './io.js';
import { safeForTerminal } from './render-card.js';

export const CHAT_HELP = `Usage:
  quadrant chat [--user NAME]

The Slack conversation in the terminal: describe a client (Chinese, English or both), answer
Quadrant's follow-up questions, then confirm or override the type. Decisions go to the same
store as the Slack app (QUADRANT_STORE_URL), visible only to you.

In the chat:
  yes / no / 是 / 否                answer a yes/no question
  /classify                        classify now with what you said so far
  /confirm                         log the decision on the last card
  /override TYPE REASON            log another type (${RELATIONSHIP_TYPES.join(', ')}) with a reason
  /new                             start over with another client
  /quit                            leave (Ctrl-D works too)`;

const YES = /^(y|yes|是|是的|对|有)$/i;
const NO = /^(n|no|否|不是|没有|无)$/i;

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** "✔ strategic confirmed · ID" once a card has a logged decision. */
export const decisionLine = (card: CardView, color: boolean): string => {
  if (!card.decision) return '';
  const m = messages(card.lang).chat;
  const how = card.decision.source === 'manager_override' ? m.overridden : m.confirmed;
  return createColors(color).green(`✔ ${card.decision.type} ${how} · ${card.decision.id}`);
};

/** A card as terminal text: type, evidence, recommended actions, decision state. */
export const renderCardText = (card: CardView, playbook: Playbook, color: boolean): string => {
  const c = createColors(color);
  const m = messages(card.lang);
  const profile = typeProfile(playbook, card.type);
  const lines = [
    c.bold(`${profile.shortName[card.lang]} · ${profile.name.zh} / ${profile.name.en}`),
    `${m.cardClient}: ${safeForTerminal(card.clientName ?? m.unnamedClient)}   ${m.cardConfidence}: ${percent(card.confidence)}`,
  ];
  if (card.secondary) lines.push(`${m.chat.secondary}: ${typeProfile(playbook, card.secondary).shortName[card.lang]}`);
  const evidence = card.signals.filter((s) => s.weight > 0);
  if (evidence.length > 0) {
    lines.push('', c.bold(m.cardEvidence));
    for (const s of evidence) lines.push(`  ${c.green('+')} “${safeForTerminal(s.text)}” → ${s.type}`);
  }
  if (card.llm) {
    lines.push(
      '',
      `${c.bold('LLM')}: ${card.llm.type} (${percent(card.llm.confidence)})`,
      `  ${safeForTerminal(card.llm.rationale)}`,
    );
  }
  if (card.recommendations.length > 0) {
    lines.push('', c.bold(m.cardActions));
    card.recommendations.forEach((r, i) => {
      lines.push(`  ${i + 1}. ${r.title[card.lang]} ${c.dim(`[${r.id}]`)}`, `     ${c.dim(r.why[card.lang])}`);
    });
  }
  for (const notice of card.notices) lines.push('', c.yellow(notice[card.lang]));
  if (card.decision) lines.push('', decisionLine(card, color));
  const model = card.versions.model ?? m.rulesOnly;
  lines.push('', c.dim(`playbook ${card.versions.playbook} · rules ${card.versions.rules} · ${model}`));
  return `${lines.join('\n')}\n`;
};

type ChatSession = {
  threadKey: string;
  lang: Lang;
  card: CardView | null;
  /** The open yes/no question, answered by a bare yes or no. */
  question: string | null;
};

const defaultUser = () => {
  try {
    return userInfo().username || 'local';
  } catch {
    return 'local';
  }
};

/** `quadrant chat`: a readline loop over the conversation service, with the real store. */
export const runChatCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    options: { user: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout.write(`${CHAT_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const userId = `cli:${values.user ?? defaultUser()}`;
  const { config, playbook, classifier } = buildCliContext(io);
  const warn = (m: string) => io.stderr.write(`${m}\n`);
  const store = await openStore({
    ...config.store,
    admins: config.admins,
    redact,
    logger: { info: () => undefined, warn, error: warn },
  });
  try {
    const service = createConversationService({
      classifier,
      state: store.state,
      decisions: store.decisions,
      playbook,
      admins: config.admins,
    });
    return await chatLoop(service, playbook, userId, io);
  } finally {
    await store.close();
  }
};

const chatLoop = async (service: ConversationService, playbook: Playbook, userId: string, io: CommandIo) => {
  const color = io.stdout.isTTY === true;
  const c = createColors(color);
  const say = (text: string) => io.stdout.write(`${text}\n`);
  const t = (lang: Lang) => messages(lang).chat;
  const session: ChatSession = { threadKey: `cli:${randomUUID()}`, lang: 'en', card: null, question: null };
  const prompt = () => {
    if (color) io.stdout.write(c.cyan('> '));
  };
  say(`${messages('en').chat.welcome}\n${messages('zh').chat.welcome}`);
  prompt();

  const turn = async (
    text: string,
    extra: { forceClassify?: boolean; answer?: { question: string; yes: boolean } },
  ) => {
    const outcome = await service.handleTurn({ threadKey: session.threadKey, teamId: 'CLI', userId, text, ...extra });
    session.lang = outcome.lang;
    session.question = null;
    if (outcome.kind === 'empty') return say(t(outcome.lang).empty);
    if (outcome.kind === 'question') {
      if (outcome.yesNo) session.question = outcome.question;
      return say(`${c.bold('?')} ${outcome.question}${outcome.yesNo ? ` ${c.dim(t(outcome.lang).yesNoHint)}` : ''}`);
    }
    session.card = outcome.card;
    say(renderCardText(outcome.card, playbook, color));
    say(c.dim(t(outcome.lang).next));
  };

  const decide = async (override?: { type: string; reason: string }) => {
    const card = session.card;
    if (!card) return say(t(session.lang).noCard);
    if (override && !isRelationshipType(override.type)) return say(t(session.lang).badType(RELATIONSHIP_TYPES));
    if (override && override.reason.trim() === '') return say(t(session.lang).reasonRequired);
    const { card: decided } = await service.decide({
      threadKey: session.threadKey,
      cardId: card.id,
      userId,
      teamId: 'CLI',
      channelId: null,
      threadTs: null,
      visibility: 'private',
      idempotencyKey: `cli:${session.threadKey}:${card.id}:${override ? `${override.type}:${override.reason}` : 'confirm'}`,
      ...(override && isRelationshipType(override.type)
        ? { override: { type: override.type, reason: override.reason } }
        : {}),
    });
    session.card = decided;
    say(decisionLine(decided, color));
  };

  const handleLine = async (raw: string): Promise<'quit' | undefined> => {
    const line = raw.trim();
    if (line === '') return;
    const [word = '', ...rest] = line.split(/\s+/);
    switch (word.toLowerCase()) {
      case '/quit':
      case '/exit':
        return 'quit';
      case '/help':
        say(CHAT_HELP);
        return;
      case '/new':
        Object.assign(session, { threadKey: `cli:${randomUUID()}`, card: null, question: null });
        say(t(session.lang).newClient);
        return;
      case '/classify':
        await turn('', { forceClassify: true });
        return;
      case '/confirm':
        await decide();
        return;
      case '/override':
        await decide({ type: rest[0] ?? '', reason: rest.slice(1).join(' ') });
        return;
    }
    if (line.startsWith('/')) return void say(t(session.lang).unknownCommand);
    if (session.question && (YES.test(line) || NO.test(line))) {
      await turn('', { answer: { question: session.question, yes: YES.test(line) } });
      return;
    }
    await turn(line, {});
  };

  const lines = createInterface({ input: io.stdin, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    try {
      if ((await handleLine(line)) === 'quit') break;
    } catch (error) {
      // Problems the user can act on are explained; anything else is a bug and propagates.
      if (error instanceof ConversationError)
        say(error.code === 'stale_card' ? t(session.lang).stale : t(session.lang).reasonRequired);
      else if (error instanceof StoreError && error.code === 'store_unavailable') say(t(session.lang).storeDown);
      else throw error;
    }
    prompt();
  }
  lines.close();
  say(t(session.lang).bye);
  return 0;
};
