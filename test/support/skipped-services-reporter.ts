import type { Reporter, TestModule } from 'vitest/node';
import { PROGRAMS, type Program } from './services.js';

/**
 * Ends a run with one line per missing program whose suites were skipped, e.g.
 * `redis-server not found: 20 Redis tests skipped (apt-get install redis-server)`.
 * Suites that need a program carry `(needs PROGRAM)` in their name (see services.ts).
 */
export default class SkippedServicesReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = new Map<Program, number>();
    for (const module of testModules) {
      for (const test of module.children.allTests('skipped')) {
        for (const program of Object.keys(PROGRAMS) as Program[]) {
          if (test.fullName.includes(`(needs ${program})`)) skipped.set(program, (skipped.get(program) ?? 0) + 1);
        }
      }
    }
    for (const [program, count] of skipped) {
      const { label, install } = PROGRAMS[program];
      process.stdout.write(`${program} not found: ${count} ${label} tests skipped (${install})\n`);
    }
  }
}
