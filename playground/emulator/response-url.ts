import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../src/lib/http.js';
import { parseApiBody, readBody } from './api-request.js';
import { checkBlocks } from './block-limits.js';
import type { ChangeEvent, EmulatedEphemeral, EmulatedMessage, Workspace } from './workspace.js';

/** Where a `response_url` answers: the channel and user of the interaction, and the message it came from. */
export type ResponseTarget = { channel: string; user: string; messageTs?: string; ephemeralId?: string };

type Reply = { status: number; body: Record<string, unknown> };
type ResponseBody = { text: string; blocks: unknown[] | undefined; threadTs: string | undefined };

export type ResponseUrls = {
  /** A new `response_url` for the target, served under `baseUrl/response/`. */
  create(target: ResponseTarget): string;
  handle(id: string, req: IncomingMessage, res: ServerResponse): Promise<void>;
};

type Deps = {
  workspace: Workspace;
  bot: { userId: string; botId: string };
  baseUrl: () => string;
  emit: (event: ChangeEvent) => void;
  record: (body: Record<string, unknown>) => void;
};

const OK: Reply = { status: 200, body: { ok: true } };
const isTrue = (value: unknown) => value === true || value === 'true';

/** Slack's checks on a message body: some text or blocks, at most 40,000 characters, Block Kit limits. */
const invalidMessage = ({ text, blocks }: ResponseBody): Reply | undefined => {
  if (text === '' && !blocks) return { status: 400, body: { ok: false, error: 'no_text' } };
  if ([...text].length > 40_000) return { status: 400, body: { ok: false, error: 'msg_too_long' } };
  const problem = checkBlocks(blocks, 'message');
  return problem ? { status: 400, body: { ok: false, error: 'invalid_blocks', detail: problem } } : undefined;
};

/** `replace_original` / `delete_original`: the ephemeral the URL posted, else the message the interaction came from. */
const replaceOrDelete = (
  { workspace, emit }: Deps,
  target: ResponseTarget,
  message: ResponseBody,
  deleting: boolean,
): Reply => {
  const ephemeral = workspace.ephemerals.find((e) => e.id === target.ephemeralId);
  if (ephemeral) {
    if (deleting) {
      workspace.ephemerals.splice(workspace.ephemerals.indexOf(ephemeral), 1);
      emit({ kind: 'ephemeral_deleted', ephemeral });
    } else {
      ephemeral.text = message.text;
      if (message.blocks) ephemeral.blocks = message.blocks;
      else delete ephemeral.blocks;
      emit({ kind: 'ephemeral', ephemeral });
    }
    return OK;
  }
  const original = target.messageTs ? workspace.findMessage(target.channel, target.messageTs) : undefined;
  if (!original) return { status: 404, body: { ok: false, error: 'message_not_found' } };
  if (deleting) {
    workspace.removeMessage(original);
    emit({ kind: 'message_deleted', channel: original.channel, ts: original.ts });
  } else {
    original.text = message.text;
    if (message.blocks) original.blocks = message.blocks;
    original.edited = true;
    emit({ kind: 'message_changed', message: original });
  }
  return OK;
};

const postNew = (
  { workspace, bot, emit }: Deps,
  target: ResponseTarget,
  { text, blocks, threadTs }: ResponseBody,
  inChannel: boolean,
): Reply => {
  const extra = { ...(blocks ? { blocks } : {}), ...(threadTs ? { threadTs } : {}) };
  if (inChannel) {
    const message: EmulatedMessage = {
      channel: target.channel,
      ts: workspace.nextTs(),
      user: bot.userId,
      botId: bot.botId,
      text,
      ...extra,
    };
    workspace.addMessage(message);
    emit({ kind: 'message', message });
    return OK;
  }
  const created: EmulatedEphemeral = {
    id: workspace.nextId('E'),
    channel: target.channel,
    user: target.user,
    ts: workspace.nextTs(),
    text,
    ...extra,
  };
  workspace.ephemerals.push(created);
  // Later responses to this URL (e.g. replace_original from the same command) target it.
  target.ephemeralId ??= created.id;
  emit({ kind: 'ephemeral', ephemeral: created });
  return OK;
};

const respond = (deps: Deps, target: ResponseTarget, body: Record<string, unknown>): Reply => {
  const message: ResponseBody = {
    text: typeof body.text === 'string' ? body.text : '',
    blocks: Array.isArray(body.blocks) ? body.blocks : undefined,
    threadTs: typeof body.thread_ts === 'string' ? body.thread_ts : undefined,
  };
  const deleting = isTrue(body.delete_original);
  if (!deleting) {
    const invalid = invalidMessage(message);
    if (invalid) return invalid;
  }
  if (deleting || isTrue(body.replace_original)) return replaceOrDelete(deps, target, message, deleting);
  return postNew(deps, target, message, body.response_type === 'in_channel');
};

/** response_url semantics: replace/delete the original, or post a new ephemeral/in-channel message. */
export const createResponseUrls = (deps: Deps): ResponseUrls => {
  const targets = new Map<string, ResponseTarget>();
  return {
    create: (target) => {
      const id = deps.workspace.nextId('R');
      targets.set(id, { ...target });
      return `${deps.baseUrl()}/response/${id}`;
    },
    handle: async (id, req, res) => {
      const target = targets.get(id);
      if (!target) return sendJson(res, 404, { ok: false, error: 'expired_url' });
      let body: Record<string, unknown>;
      try {
        body = parseApiBody(await readBody(req), 'application/json');
      } catch {
        return sendJson(res, 400, { ok: false, error: 'invalid_json' });
      }
      deps.record(body);
      const reply = respond(deps, target, body);
      sendJson(res, reply.status, reply.body);
    },
  };
};
