/**
 * Counts what the app does without touching the handlers: the classifier, the store ports and
 * Bolt deliveries are wrapped once, in createQuadrant.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Classifier } from '../llm/port.js';
import { logContext } from '../slack/logger.js';
import type { StoreHandle } from '../store/backend.js';
import { StoreError } from '../store/ports.js';
import { deliveryKind, type Metrics } from './metrics.js';

export const instrumentClassifier = (classifier: Classifier, metrics: Metrics): Classifier => ({
  ...classifier,
  classify: async (input) => {
    const result = await classifier.classify(input);
    const { classification, usage } = result;
    metrics.classifications.inc({ type: classification.type, source: classification.source });
    if (classification.llmStatus === 'ok' || classification.llmStatus === 'llm_unavailable') {
      metrics.llmRequests.inc({ outcome: classification.llmStatus });
    }
    if (usage) {
      metrics.llmTokens.inc({ direction: 'input' }, usage.inputTokens);
      metrics.llmTokens.inc({ direction: 'output' }, usage.outputTokens);
    }
    return result;
  },
});

type Observers<T> = { [K in keyof T]?: T[K] extends (...a: never[]) => Promise<infer R> ? (result: R) => void : never };

/**
 * Every method of a port, counting store outages (`store_unavailable`) by backend, and telling an
 * observer about a method's result. A Proxy rather than a copy, so the wrapped port keeps every
 * method (own or inherited) and can be spread or wrapped again.
 */
const instrumentPort = <T extends object>(
  port: T,
  metrics: Metrics,
  backend: string,
  observers: Observers<T> = {},
): T =>
  new Proxy(port, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      const observe = (observers as Record<PropertyKey, ((result: unknown) => void) | undefined>)[key];
      return (...args: unknown[]) => {
        const out = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(out instanceof Promise)) return out;
        return out.then(
          (result: unknown) => {
            observe?.(result);
            return result;
          },
          (error: unknown) => {
            if (error instanceof StoreError && error.code === 'store_unavailable') metrics.storeErrors.inc({ backend });
            throw error;
          },
        );
      };
    },
  });

export const instrumentStore = (store: StoreHandle, metrics: Metrics, url: string): StoreHandle => {
  const backend = url
    .slice(0, url.indexOf('://'))
    .replace(/^rediss$/, 'redis')
    .replace(/^postgresql$/, 'postgres');
  return {
    ...store,
    decisions: instrumentPort(store.decisions, metrics, backend, {
      append: (stored) => metrics.decisions.inc({ source: stored.source }),
    }),
    state: instrumentPort(store.state, metrics, backend),
  };
};

/**
 * Global Bolt middleware: counts each delivery by kind, times its ack (from the receiver's
 * `receivedAt`), and runs the listeners with the event's ids in the log context.
 */
export const deliveryMiddleware =
  (metrics: Metrics): Middleware<AnyMiddlewareArgs> =>
  async (args) => {
    const { body, context, next } = args;
    metrics.events.inc({ kind: deliveryKind(body) });
    const receivedAt = typeof context.receivedAt === 'number' ? context.receivedAt : undefined;
    const observe = () => {
      if (receivedAt !== undefined) metrics.eventAckSeconds.observe((performance.now() - receivedAt) / 1000);
    };
    const withAck = args as { ack?: (...a: unknown[]) => Promise<void> };
    if (typeof withAck.ack === 'function') {
      const ack = withAck.ack;
      withAck.ack = async (...a: unknown[]) => {
        try {
          return await ack(...a);
        } finally {
          observe();
        }
      };
    } else {
      // Events API deliveries are acknowledged by Bolt before any middleware runs.
      observe();
    }
    const b = (body ?? {}) as { event_id?: unknown; team_id?: unknown; team?: { id?: unknown } };
    const ids = {
      ...(typeof b.event_id === 'string' ? { event_id: b.event_id } : {}),
      ...(typeof (context.teamId ?? b.team_id ?? b.team?.id) === 'string'
        ? { team: String(context.teamId ?? b.team_id ?? b.team?.id) }
        : {}),
    };
    await logContext.run(ids, next);
  };
