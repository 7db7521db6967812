/**
 * src/net owns outbound networking shared by the Slack and LLM clients: the proxy dispatcher
 * built from HTTPS_PROXY, HTTP_PROXY and NO_PROXY.
 *
 * May import: src/net, src/config.ts; packages: undici.
 */
export {};
