/**
 * Prometheus metrics (prom-client), one registry per app so tests and the playground never share
 * counters. Every label is a small closed set (event kinds, the four types, outcomes, Slack method
 * names and error codes): never user text, client names or ids.
 */
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export type Metrics = {
  registry: Registry;
  events: Counter<'kind'>;
  eventAckSeconds: Histogram;
  classifications: Counter<'type' | 'source'>;
  decisions: Counter<'source'>;
  llmRequests: Counter<'outcome'>;
  llmTokens: Counter<'direction'>;
  storeErrors: Counter<'backend'>;
  slackApiErrors: Counter<'method' | 'code'>;
};

export const createMetrics = (): Metrics => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'quadrant_' });
  const registers = [registry];
  return {
    registry,
    events: new Counter({
      name: 'quadrant_events_total',
      help: 'Slack deliveries received, by kind (event type, slash_command, block_actions, view_submission, …)',
      labelNames: ['kind'],
      registers,
    }),
    eventAckSeconds: new Histogram({
      name: 'quadrant_event_ack_seconds',
      help: 'Time from receiving a Slack delivery to acknowledging it (Slack retries after 3 s)',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
      registers,
    }),
    classifications: new Counter({
      name: 'quadrant_classifications_total',
      help: 'Classifications made, by relationship type and source (rules or hybrid)',
      labelNames: ['type', 'source'],
      registers,
    }),
    decisions: new Counter({
      name: 'quadrant_decisions_total',
      help: 'Decisions logged, by source (rules, hybrid, manager_override)',
      labelNames: ['source'],
      registers,
    }),
    llmRequests: new Counter({
      name: 'quadrant_llm_requests_total',
      help: 'Classifications that asked the LLM, by outcome (ok, llm_unavailable)',
      labelNames: ['outcome'],
      registers,
    }),
    llmTokens: new Counter({
      name: 'quadrant_llm_tokens_total',
      help: 'LLM tokens used, by direction (input, output)',
      labelNames: ['direction'],
      registers,
    }),
    storeErrors: new Counter({
      name: 'quadrant_store_errors_total',
      help: 'Store operations that failed because the store was unavailable, by backend',
      labelNames: ['backend'],
      registers,
    }),
    slackApiErrors: new Counter({
      name: 'quadrant_slack_api_errors_total',
      help: 'Slack Web API calls that failed, by method and error code (http_5xx, network, or Slack’s error)',
      labelNames: ['method', 'code'],
      registers,
    }),
  };
};

/** The kind of a Slack delivery, from its body: a closed set of Slack's own type names. */
export const deliveryKind = (body: unknown): string => {
  const b = (body ?? {}) as { type?: unknown; event?: { type?: unknown }; command?: unknown };
  if (typeof b.command === 'string') return 'slash_command';
  if (b.type === 'event_callback' && typeof b.event?.type === 'string') return b.event.type.slice(0, 40);
  return typeof b.type === 'string' ? b.type.slice(0, 40) : 'unknown';
};
