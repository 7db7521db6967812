import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { redact } from '../../src/domain/redact.js';
import { instrumentStore } from '../../src/ops/instrument.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { openStore } from '../../src/store/open-store.js';
import { newDecision } from '../contracts/decision-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'quadrant-instrument-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const silent = { info: () => {}, warn: () => {}, error: () => {} };
const admin = { userId: 'UADMIN', teamId: 'T0BANK', isAdmin: true };

const counted = async (metrics: ReturnType<typeof createMetrics>, name: string) =>
  (await metrics.registry.getSingleMetric(name)?.get())?.values.map((v) => [v.labels, v.value]);

describe('instrumented store', () => {
  it('counts appended decisions by source, keeps every port method, and survives being spread or wrapped again', async () => {
    const url = `sqlite://${join(dir, 'q.db')}`;
    const metrics = createMetrics();
    const options = { ...loadConfig({}).store, url, logger: silent, admins: ['UADMIN'], redact };
    const store = instrumentStore(await openStore(options), metrics, url);
    try {
      const first = await store.decisions.append(newDecision({ clientName: 'Orion Energy', source: 'rules' }));
      // A caller that wraps the port by spreading it still reaches the counted append and the other methods.
      const rewrapped = { ...store.decisions };
      await rewrapped.append(
        newDecision({
          clientName: 'Orion Energy',
          source: 'manager_override',
          type: 'partnership',
          reason: 'JV signed',
        }),
      );
      expect((await rewrapped.history('Orion Energy', admin)).map((d) => d.supersedes)).toEqual([null, first.id]);
      expect(await counted(metrics, 'quadrant_decisions_total')).toEqual(
        expect.arrayContaining([
          [{ source: 'rules' }, 1],
          [{ source: 'manager_override' }, 1],
        ]),
      );
      expect(await counted(metrics, 'quadrant_store_errors_total')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
