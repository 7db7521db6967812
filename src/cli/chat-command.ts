import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createColors } from 'picocolors';
import type { CardView } from '../conversation/card.js';
import { ConversationError, type ConversationService, createConversationService } from '../conversation/service.js';
import { type Playbook, typeProfile } from '../domain/playbook.js';
import { redact } from '../domain/redact.js';
import { type Bilingual, isRelationshipType, type Lang, RELATIONSHIP_TYPES } from '../domain/types.js';
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

const TEXT = {
  welcome: {
    en: 'Quadrant chat. Describe a client; /help lists commands, /quit leaves.',
    zh: 'Quadrant 对话。请描述一位客户;/help 查看命令,/quit 退出。',
  },
  empty: { en: 'Tell me about the client first.', zh: '请先介绍一下这位客户。' },
  yesNoHint: { en: '(answer yes or no, or add details)', zh: '(回答“是”或“否”,也可以补充细节)' },
  next: {
    en: 'Type /confirm to log this type, /override TYPE REASON to log another, or keep describing.',
    zh: '输入 /confirm 记录该类型,/override 类型 理由 记录其他类型,或继续补充描述。',
  },
  noCard: { en: 'There is no card to decide on yet.', zh: '还没有可以确认的分类卡片。' },
  badType: {
    en: `Unknown type. Use one of: ${RELATIONSHIP_TYPES.join(', ')}.`,
    zh: `未知类型。可选:${RELATIONSHIP_TYPES.join('、')}。`,
  },
  reasonRequired: {
    en: 'An override needs a reason: /override TYPE REASON',
    zh: '更改类型需要理由:/override 类型 理由',
  },
  stale: { en: 'That card has expired; describe the client again.', zh: '该卡片已过期,请重新描述客户。' },
  storeDown: {
    en: 'The store is unavailable right now; nothing was lost, try again shortly.',
    zh: '存储暂时不可用,数据未丢失,请稍后重试。',
  },
  newClient: { en: 'New client. Describe them.', zh: '新客户,请开始描述。' },
  unknownCommand: { en: 'Unknown command; /help lists them.', zh: '未知命令;输入 /help 查看。' },
  bye: { en: 'Bye.', zh: '再见。' },
} satisfies Record<string, Bilingual>;

const YES = /^(y|yes|是|是的|对|有)$/i;
const NO = /^(n|no|否|不是|没有|无)$/i;

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** "✔ strategic confirmed · ID" once a card has a logged decision. */
export const decisionLine = (card: CardView, color: boolean): string => {
  const zh = card.lang === 'zh';
  if (!card.decision) return '';
  const how =
    card.decision.source === 'manager_override' ? (zh ? '已更改' : 'overridden') : zh ? '已确认' : 'confirmed';
  return createColors(color).green(`✔ ${card.decision.type} ${how} · ${card.decision.id}`);
};

/** A card as terminal text: type, evidence, recommended actions, decision state. */
export const renderCardText = (card: CardView, playbook: Playbook, color: boolean): string => {
  const c = createColors(color);
  const zh = card.lang === 'zh';
  const profile = typeProfile(playbook, card.type);
  const lines = [
    c.bold(`${profile.shortName[card.lang]} · ${profile.name.zh} / ${profile.name.en}`),
    `${zh ? '客户' : 'Client'}: ${safeForTerminal(card.clientName ?? (zh ? '未命名客户' : 'Unnamed client'))}   ${zh ? '置信度' : 'Confidence'}: ${percent(card.confidence)}`,
  ];
  if (card.secondary)
    lines.push(`${zh ? '次要类型' : 'Secondary'}: ${typeProfile(playbook, card.secondary).shortName[card.lang]}`);
  const evidence = card.signals.filter((s) => s.weight > 0);
  if (evidence.length > 0) {
    lines.push('', c.bold(zh ? '依据' : 'Evidence'));
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
    lines.push('', c.bold(zh ? '建议行动' : 'Recommended actions'));
    card.recommendations.forEach((r, i) => {
      lines.push(`  ${i + 1}. ${r.title[card.lang]} ${c.dim(`[${r.id}]`)}`, `     ${c.dim(r.why[card.lang])}`);
    });
  }
  for (const notice of card.notices) lines.push('', c.yellow(notice[card.lang]));
  if (card.decision) lines.push('', decisionLine(card, color));
  const model = card.versions.model ?? (zh ? '仅规则' : 'rules only');
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
  const t = (key: keyof typeof TEXT, lang: Lang) => TEXT[key][lang];
  const session: ChatSession = { threadKey: `cli:${randomUUID()}`, lang: 'en', card: null, question: null };
  const prompt = () => {
    if (color) io.stdout.write(c.cyan('> '));
  };
  say(`${TEXT.welcome.en}\n${TEXT.welcome.zh}`);
  prompt();

  const turn = async (
    text: string,
    extra: { forceClassify?: boolean; answer?: { question: string; yes: boolean } },
  ) => {
    const outcome = await service.handleTurn({ threadKey: session.threadKey, teamId: 'CLI', userId, text, ...extra });
    session.lang = outcome.lang;
    session.question = null;
    if (outcome.kind === 'empty') return say(t('empty', outcome.lang));
    if (outcome.kind === 'question') {
      if (outcome.yesNo) session.question = outcome.question;
      return say(`${c.bold('?')} ${outcome.question}${outcome.yesNo ? ` ${c.dim(t('yesNoHint', outcome.lang))}` : ''}`);
    }
    session.card = outcome.card;
    say(renderCardText(outcome.card, playbook, color));
    say(c.dim(t('next', outcome.lang)));
  };

  const decide = async (override?: { type: string; reason: string }) => {
    const card = session.card;
    if (!card) return say(t('noCard', session.lang));
    if (override && !isRelationshipType(override.type)) return say(t('badType', session.lang));
    if (override && override.reason.trim() === '') return say(t('reasonRequired', session.lang));
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
        say(t('newClient', session.lang));
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
    if (line.startsWith('/')) return void say(t('unknownCommand', session.lang));
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
        say(t(error.code === 'stale_card' ? 'stale' : 'reasonRequired', session.lang));
      else if (error instanceof StoreError && error.code === 'store_unavailable') say(t('storeDown', session.lang));
      else throw error;
    }
    prompt();
  }
  lines.close();
  say(t('bye', session.lang));
  return 0;
};
