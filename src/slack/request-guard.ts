/**
 * Screens requests to `/slack/events` before Bolt's receiver sees them, for the two cases Bolt
 * gets wrong: a correctly signed body that is not an object (JSON `null`, `payload=null`), which
 * Bolt reads `ssl_check` of and crashes on, and a timestamp in the future, which Bolt accepts
 * (it only rejects stale ones). Everything else is left to Bolt unchanged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  defaultBodyLimit,
  HTTPModuleFunctions,
  type HTTPReceiver,
  isRawBodyError,
  isValidSlackRequest,
  type Logger,
} from '@slack/bolt';

/** Slack's replay window, applied both ways: a request may be at most this far from our clock. */
export const MAX_CLOCK_SKEW_S = 5 * 60;

type BufferedRequest = IncomingMessage & { rawBody: Buffer };

export type RequestGuardOptions = {
  signingSecret: string;
  logger: Logger;
  endpoint: string;
  bodyLimit?: number;
  now?: () => number;
};

const respond = (res: ServerResponse, status: number) => {
  res.writeHead(status);
  res.end();
};

/** What Bolt would parse the body into, or `undefined` when Bolt itself answers 400. */
const parseLikeBolt = (req: BufferedRequest): unknown => {
  try {
    return HTTPModuleFunctions.parseHTTPRequestBody(req);
  } catch {
    return undefined;
  }
};

const isPlainObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Replaces the receiver's request listener with one that buffers the body, then answers 401 to a
 * future timestamp and 400 to a signed body that is not an object; other requests go on to Bolt,
 * which reuses the buffered body.
 */
export const guardSlackRequests = (receiver: HTTPReceiver, options: RequestGuardOptions): void => {
  const inner = receiver.requestListener;
  const now = options.now ?? Date.now;
  const screen = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    let buffered: BufferedRequest;
    try {
      buffered = (await HTTPModuleFunctions.bufferIncomingMessage(
        req,
        options.bodyLimit ?? defaultBodyLimit,
      )) as BufferedRequest;
    } catch (error) {
      const tooLarge = isRawBodyError(error) && (error.type === 'entity.too.large' || error.statusCode === 413);
      options.logger.warn(tooLarge ? 'Rejected an oversized Slack request' : 'Could not read a Slack request body');
      respond(res, tooLarge ? 413 : 400);
      return false;
    }
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(timestamp) && timestamp > now() / 1000 + MAX_CLOCK_SKEW_S) {
      options.logger.warn('Rejected a Slack request whose timestamp is more than 5 minutes in the future');
      respond(res, 401);
      return false;
    }
    const body = parseLikeBolt(buffered);
    if (body === undefined || isPlainObject(body)) return true;
    const signed = isValidSlackRequest({
      signingSecret: options.signingSecret,
      body: buffered.rawBody.toString(),
      headers: {
        'x-slack-signature': String(req.headers['x-slack-signature'] ?? ''),
        'x-slack-request-timestamp': timestamp,
      },
      nowMilliseconds: now(),
    });
    // Unsigned: Bolt answers 401 as for any bad signature.
    if (!signed) return true;
    options.logger.warn(`Rejected a signed Slack request whose body is not an object (${typeof body})`);
    respond(res, 400);
    return false;
  };
  receiver.requestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    // Other routes go straight on: Bolt's server catches what the listener throws for them.
    if (req.method !== 'POST' || path !== options.endpoint) return inner(req, res);
    screen(req, res).then(
      (pass) => {
        if (pass) inner(req, res);
      },
      (error: unknown) => {
        options.logger.error(
          `Slack request screening failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        if (!res.headersSent) respond(res, 500);
      },
    );
  };
};
