import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendJson } from '../../src/lib/http.js';

/**
 * A loopback OpenAI-compatible server (real HTTP on 127.0.0.1, port 0) for the LLM layer's tests
 * and bench. It checks the bearer key, records every request body, and answers from a script:
 * good outputs, or each way a real endpoint fails.
 */

export type FakeUsage = { prompt_tokens: number; completion_tokens: number };

export type FakeReply =
  /** A normal completion; objects are JSON-encoded. `usage: null` omits usage (some servers do). */
  | { kind: 'ok'; content: string | object; usage?: FakeUsage | null; finishReason?: string }
  /**
   * 400 as endpoints answer when `response_format: json_schema` is not supported: in OpenAI's error
   * shape, or vLLM's (`{"object":"error","message":…}`, no `error` key).
   */
  | { kind: 'schema_unsupported'; style?: 'openai' | 'vllm' }
  | { kind: 'rate_limited'; retryAfter: string }
  | { kind: 'server_error'; status?: number }
  /** Accepts the request and never answers. */
  | { kind: 'hang' }
  /** Destroys the socket without a response. */
  | { kind: 'close_socket' }
  /** Valid JSON cut in the middle, with finish_reason "stop". */
  | { kind: 'truncated' }
  | { kind: 'non_json' }
  | { kind: 'refusal' }
  /** Partial content with finish_reason "length". */
  | { kind: 'length' }
  | { kind: 'status'; status: number; body: unknown };

export type RecordedRequest = {
  method: string;
  path: string;
  authorization: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are inspected freely in assertions.
  body: any;
  raw: string;
};

export type FakeScript = FakeReply | FakeReply[] | ((request: RecordedRequest, index: number) => FakeReply);

export type FakeOpenAiOptions = {
  script: FakeScript;
  apiKey?: string;
  /** Fixed delay before every answer (bench: the server's own time). */
  latencyMs?: number;
  /** Holds every answer until this settles: keeps a turn in flight for as long as a test needs. */
  hold?: Promise<void>;
  /** Answer any json_schema request with a 400, whatever the script says (an endpoint without structured outputs). */
  rejectJsonSchema?: boolean | 'openai' | 'vllm';
};

export type FakeOpenAi = {
  /** Base URL including `/v1`, as OPENAI_BASE_URL would be. */
  url: string;
  apiKey: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
};

export const FAKE_API_KEY = 'sk-test-fake-0123456789';
const DEFAULT_USAGE: FakeUsage = { prompt_tokens: 1500, completion_tokens: 200 };

/** A complete, valid assessment as the model would return it; override any field. */
export const fakeAssessment = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  clientName: 'Acme Power',
  facts: [{ kind: 'history', value: 'ten years with the bank', quote: 'ten years' }],
  evidence: [],
  counterEvidence: [],
  type: 'strategic',
  confidence: 0.8,
  secondary: null,
  rationale: 'Long relationship across several projects.',
  followUp: null,
  actionIds: ['strategic.dedicated-team'],
  ...overrides,
});

const completion = (
  content: string | null,
  finishReason: string,
  usage: FakeUsage | null,
  refusal: string | null = null,
) => ({
  id: 'chatcmpl-fake',
  object: 'chat.completion',
  created: 1_700_000_000,
  model: 'fake-model',
  choices: [
    { index: 0, message: { role: 'assistant', content, refusal }, finish_reason: finishReason, logprobs: null },
  ],
  ...(usage ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } : {}),
});

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const pick = (script: FakeScript, request: RecordedRequest, index: number): FakeReply => {
  if (typeof script === 'function') return script(request, index);
  if (!Array.isArray(script)) return script;
  // An exhausted list repeats its last reply.
  const reply = script[Math.min(index, script.length - 1)];
  if (reply === undefined) throw new Error('empty fake script');
  return reply;
};

const answer = (res: ServerResponse, reply: FakeReply) => {
  switch (reply.kind) {
    case 'ok': {
      const content = typeof reply.content === 'string' ? reply.content : JSON.stringify(reply.content);
      const usage = reply.usage === undefined ? DEFAULT_USAGE : reply.usage;
      return sendJson(res, 200, completion(content, reply.finishReason ?? 'stop', usage));
    }
    case 'schema_unsupported':
      if (reply.style === 'vllm') {
        return sendJson(res, 400, {
          object: 'error',
          message: "[{'type': 'value_error', 'msg': 'json_schema response format is not supported'}]",
          type: 'BadRequestError',
          param: null,
          code: 400,
        });
      }
      return sendJson(res, 400, {
        error: {
          message: "response_format type 'json_schema' is not supported by this server",
          type: 'invalid_request_error',
          param: 'response_format',
          code: null,
        },
      });
    case 'rate_limited':
      return sendJson(
        res,
        429,
        { error: { message: 'Rate limit reached', type: 'rate_limit_error', code: 'rate_limit' } },
        { 'retry-after': reply.retryAfter },
      );
    case 'server_error':
      return sendJson(res, reply.status ?? 500, { error: { message: 'internal error', type: 'server_error' } });
    case 'hang':
      return;
    case 'close_socket':
      res.socket?.destroy();
      return;
    case 'truncated':
      return sendJson(res, 200, completion(JSON.stringify(fakeAssessment()).slice(0, 60), 'stop', DEFAULT_USAGE));
    case 'non_json':
      return sendJson(res, 200, completion('Sure! The client looks strategic to me.', 'stop', DEFAULT_USAGE));
    case 'refusal':
      return sendJson(res, 200, completion(null, 'stop', DEFAULT_USAGE, "I'm sorry, I can't help with that."));
    case 'length':
      return sendJson(res, 200, completion(JSON.stringify(fakeAssessment()).slice(0, 120), 'length', DEFAULT_USAGE));
    case 'status':
      return sendJson(res, reply.status, reply.body);
  }
};

/** Starts the fake on an ephemeral loopback port. Close it in `afterEach`/`afterAll`. */
export const startFakeOpenAi = async (options: FakeOpenAiOptions): Promise<FakeOpenAi> => {
  const apiKey = options.apiKey ?? FAKE_API_KEY;
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    let body: unknown = null;
    try {
      body = JSON.parse(raw);
    } catch {
      body = null;
    }
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: req.headers.authorization,
      body,
      raw,
    };
    const index = requests.length;
    requests.push(recorded);
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      return sendJson(res, 401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } });
    }
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      return sendJson(res, 404, { error: { message: 'not found' } });
    }
    const schemaRequested = recorded.body?.response_format?.type === 'json_schema';
    const reply: FakeReply =
      options.rejectJsonSchema && schemaRequested
        ? { kind: 'schema_unsupported' }
        : pick(options.script, recorded, index);
    const respond = () => answer(res, reply);
    if (options.hold) await options.hold;
    if (options.latencyMs && options.latencyMs > 0) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        respond();
      }, options.latencyMs);
      timers.add(timer);
    } else {
      respond();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    apiKey,
    requests,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
