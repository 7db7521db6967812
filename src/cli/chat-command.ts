import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createColors } from 'picocolors';
import { ConversationError, type ConversationService, createConversationService } from '../conversation/service.js';
import { messages } from '../domain/messages/messages.js';
import type { Playbook } from '../domain/playbook.js';
import { redact } from '../domain/redact.js';
import { RELATIONSHIP_TYPES } from '../domain/types.js';
import { learnFromLog } from '../learning/team-sync.js';
import type { StoreHandle } from '../store/backend.js';
import { StoreError } from '../store/ports.js';
import { createChatSession } from './chat-session.js';
import { openCliStore } from './cli-store.js';
import { buildCliContext, cliClassifier } from './context.js';
import { type Command, type CommandIo, UsageError } from './io.js';

export const CHAT_HELP = `Usage:
  quadrant chat [--user NAME]

The Slack conversation in the terminal, with the same intents: say hi, ask the playbook ("how do
we keep partnership clients?") or a client's history ("what did we decide on Huaneng Power?"),
or describe a client (Chinese, English or both), answer Quadrant's follow-up questions, then
confirm or override the type. Decisions go to the same
store as the Slack app (QUADRANT_STORE_URL), visible only to you. Cards use the team model of the
terminal's workspace, learned from its team-visible decisions in that store (as in Slack).

In the chat:
  yes / no / 是 / 否                answer a yes/no question
  /classify                        classify now with what you said so far
  /confirm                         log the decision on the last card
  /override TYPE REASON            log another type (${RELATIONSHIP_TYPES.join(', ')}) with a reason
  /name NAME                       name the client (its decisions follow the name)
  /evidence                        all the evidence of the last card
  /yes                             classify what you just said as a client description
  /new                             start over with another client
  /quit                            leave (Ctrl-D works too)`;

const defaultUser = () => {
  try {
    return userInfo().username || 'local';
  } catch {
    return 'local';
  }
};

/**
 * The store's team models, as the Slack app has them. The chat still works when the store cannot
 * be read at start: the team model then has nothing to say.
 */
const teamLearning = (store: StoreHandle, playbook: Playbook, io: CommandIo) => {
  const warn = (what: string, error: unknown) =>
    io.stderr.write(`${what}: ${error instanceof Error ? error.message : String(error)}\n`);
  return learnFromLog(store.decisions, playbook, (error) => warn('team model', error)).catch((error: unknown) => {
    warn('team model unavailable', error);
    return null;
  });
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
  const { config, playbook } = buildCliContext(io);
  const store = await openCliStore(config, io, redact);
  try {
    const learning = await teamLearning(store, playbook, io);
    const service = createConversationService({
      classifier: cliClassifier(config, playbook, learning?.forClassifier),
      state: store.state,
      decisions: learning?.decisions ?? store.decisions,
      playbook,
      admins: config.admins,
    });
    return await chatLoop(service, playbook, userId, io);
  } finally {
    await store.close();
  }
};

/** The lines of one chat, read until /quit or the end of input. */
const chatLoop = async (service: ConversationService, playbook: Playbook, userId: string, io: CommandIo) => {
  const color = io.stdout.isTTY === true;
  const say = (text: string) => io.stdout.write(`${text}\n`);
  const session = createChatSession({ service, playbook, userId, color, say, help: CHAT_HELP });
  const prompt = () => {
    if (color) io.stdout.write(createColors(color).cyan('> '));
  };
  say(`${messages('en').chat.welcome}\n${messages('zh').chat.welcome}`);
  prompt();
  const lines = createInterface({ input: io.stdin, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    try {
      if ((await session.handleLine(line)) === 'quit') break;
    } catch (error) {
      // Problems the user can act on are explained; anything else is a bug and propagates.
      if (error instanceof ConversationError)
        say(messages(session.lang()).chat[error.code === 'stale_card' ? 'stale' : 'reasonRequired']);
      else if (error instanceof StoreError && error.code === 'store_unavailable')
        say(messages(session.lang()).chat.storeDown);
      else throw error;
    }
    prompt();
  }
  lines.close();
  say(messages(session.lang()).chat.bye);
  return 0;
};
