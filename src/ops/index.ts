/**
 * src/ops owns what operators probe and scrape: /healthz, /readyz and /metrics, the prom-client
 * registry, and the wrappers that count deliveries, classifications, decisions and errors.
 *
 * May import: src/ops, src/llm, src/slack, src/store; packages: @slack/bolt, prom-client.
 */
export {};
