import { Agent, type Dispatcher, request } from 'undici';

/** The part of `fetch` the Web API client uses: POST with headers and a string or form body. */
export type SlackFetch = typeof fetch;

export type SlackTransport = { fetch: SlackFetch; close(): Promise<void> };

// Statuses whose Response must have a null body (the Fetch standard throws otherwise).
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * The Web API client's HTTP transport: undici's `request` over one keep-alive pool instead of the
 * global `fetch`, with one deadline per call covering headers and body. The client's own timeout
 * (`AbortSignal.timeout`) is left off: it keeps a timer and its listeners alive for the whole
 * timeout even after the answer came, and at a few hundred calls a second those survivors turn
 * every young-generation GC into a pause long enough to delay the acks of the next events.
 */
export type SlackTransportOptions = {
  timeoutMs: number;
  /** An outbound proxy (see net/proxy.ts); a direct keep-alive pool otherwise. */
  dispatcher?: Dispatcher;
  /** Told of each failed call (HTTP error, network error, or `ok: false`), for metrics. */
  onError?: (method: string, code: string) => void;
};

/** `chat.postMessage` from `https://slack.com/api/chat.postMessage`. */
const methodOf = (input: string | URL | Request): string => {
  const url = String(input instanceof Request ? input.url : input);
  return (url.split('?')[0]?.split('/').pop() ?? 'unknown').slice(0, 60);
};

/** Slack's error code from an `ok: false` answer; a closed set of snake_case names. */
const slackErrorOf = (body: ArrayBuffer): string | undefined => {
  if (body.byteLength > 65_536) return undefined;
  const text = Buffer.from(body).toString('utf8');
  if (!text.includes('"ok":false')) return undefined;
  const code = /"error":"([a-z0-9_]{1,60})"/.exec(text)?.[1];
  return code ?? 'unknown';
};

export const createSlackTransport = ({
  timeoutMs,
  dispatcher: via,
  onError,
}: SlackTransportOptions): SlackTransport => {
  const dispatcher = via ?? new Agent({ keepAliveTimeout: 30_000, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const slackFetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    // Multipart bodies (file uploads, which Quadrant does not make) keep the global fetch.
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') {
      return fetch(input, { ...init, signal: init.signal ?? AbortSignal.timeout(timeoutMs) });
    }
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new DOMException(`Slack API call timed out after ${timeoutMs} ms`, 'TimeoutError')),
      timeoutMs,
    );
    const signal = init.signal ? AbortSignal.any([init.signal, deadline.signal]) : deadline.signal;
    try {
      const answer = await request(String(input), {
        method: (init.method ?? 'GET') as 'POST',
        headers: init.headers as Record<string, string>,
        body: init.body ?? null,
        signal,
        dispatcher,
      }).catch((error: unknown) => {
        onError?.(methodOf(input), 'network');
        throw error;
      });
      const body = await answer.body.arrayBuffer();
      if (onError) {
        const code = answer.statusCode >= 400 ? `http_${answer.statusCode}` : slackErrorOf(body);
        if (code !== undefined) onError(methodOf(input), code);
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(answer.headers)) {
        if (Array.isArray(value)) for (const item of value) headers.append(name, item);
        else if (value !== undefined) headers.set(name, value);
      }
      return new Response(NULL_BODY.has(answer.statusCode) ? null : body, { status: answer.statusCode, headers });
    } finally {
      clearTimeout(timer);
    }
  };
  return { fetch: slackFetch as SlackFetch, close: () => dispatcher.close() };
};
