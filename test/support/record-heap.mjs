// Preload (`node --import ./test/support/record-heap.mjs …`): on exit, appends the process's pid and
// V8 heap size limit (which counts the young generation's ceiling) as one JSON line to the file named
// by QUADRANT_TEST_HEAP_LOG, so a test can see the heap a mode runs with and which process ran it.
import { appendFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';

process.on('exit', () => {
  const file = process.env.QUADRANT_TEST_HEAP_LOG;
  if (!file) return;
  const line = { pid: process.pid, heapSizeLimit: getHeapStatistics().heap_size_limit };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
});
