import type { OpsRoute } from '../slack/app.js';
import type { Metrics } from './metrics.js';

export type Readiness = { ready: boolean; reasons: string[] };

/**
 * GET /healthz (the process serves), /readyz (200 only when the store answers and Slack's
 * auth.test succeeded, else 503 with the reasons as short JSON) and /metrics (Prometheus text).
 */
export const opsRoutes = (deps: { metrics: Metrics; readiness: () => Promise<Readiness> }): OpsRoute[] => [
  {
    path: '/healthz',
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    },
  },
  {
    path: '/readyz',
    handler: (_req, res) => {
      void deps
        .readiness()
        .catch((error: unknown) => ({ ready: false, reasons: [`readiness check failed: ${String(error)}`] }))
        .then((state) => {
          res.writeHead(state.ready ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify(state.ready ? { status: 'ready' } : { status: 'not_ready', reasons: state.reasons }));
        });
    },
  },
  {
    path: '/metrics',
    handler: (_req, res) => {
      void deps.metrics.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': deps.metrics.registry.contentType });
          res.end(text);
        },
        () => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('metrics unavailable');
        },
      );
    },
  },
];
