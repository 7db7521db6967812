/**
 * Outbound proxy: one undici dispatcher for the Slack Web API, the Socket Mode WebSocket and the
 * LLM client, from HTTPS_PROXY / HTTP_PROXY / NO_PROXY (read by config.ts). Without a proxy the
 * callers keep their own direct connections.
 */
import { type Dispatcher, EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';
import type { Config } from '../config.js';

export const proxyDispatcher = (proxy: Config['proxy']): Dispatcher | undefined => {
  if (proxy.httpsProxy === undefined && proxy.httpProxy === undefined) return undefined;
  // HTTPS_PROXY alone also carries plain-HTTP calls, as most tools do.
  const httpsProxy = proxy.httpsProxy ?? proxy.httpProxy ?? '';
  const httpProxy = proxy.httpProxy ?? httpsProxy;
  return new EnvHttpProxyAgent({
    httpProxy,
    httpsProxy,
    ...(proxy.noProxy === undefined ? {} : { noProxy: proxy.noProxy }),
  });
};

/** A `fetch` that goes through `dispatcher` (for clients that take a fetch, like OpenAI's). */
export const fetchVia = (dispatcher: Dispatcher): typeof fetch =>
  ((input: string | URL | Request, init?: RequestInit) =>
    undiciFetch(input as string, { ...(init as object), dispatcher })) as unknown as typeof fetch;
