import type { IncomingMessage } from 'node:http';

const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'loading_messages', 'prompts', 'chunks', 'metadata']);

export const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** Slack accepts JSON bodies and form bodies whose structured fields are JSON strings. */
export const parseApiBody = (raw: string, contentType: string | undefined): Record<string, unknown> => {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  }
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (JSON_FIELDS.has(key) || /^[[{]/.test(value)) {
      try {
        body[key] = JSON.parse(value);
        continue;
      } catch {
        // Not JSON after all: keep the string, as Slack would.
      }
    }
    body[key] = value;
  }
  return body;
};

/** The caller's token: the bearer header, else a `token` field in the body (Slack takes both). */
export const tokenOf = (req: IncomingMessage, body: Record<string, unknown>): string | undefined => {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  return typeof body.token === 'string' ? body.token : undefined;
};

/** Slack's answer to a missing or wrong bot token, or undefined when the token is the bot's. */
export const authError = (token: string | undefined, botToken: string): 'not_authed' | 'invalid_auth' | undefined =>
  token === undefined ? 'not_authed' : token !== botToken ? 'invalid_auth' : undefined;
