/**
 * The load generator of `npm run bench -- slack`, run in a worker thread: for each job it gets, it
 * signs and sends the prepared requests at a fixed rate and times each ack. Its own event loop and
 * heap keep the timings free of the emulator's work (which stands in for Slack's Web API, elsewhere
 * in reality). One worker serves the whole bench, so warm-up leaves its code compiled and its
 * connections open, as Slack's senders are. Times are absolute (`timeOrigin + now`) so the main
 * thread can match them with replies.
 */
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { sendSignedRequest } from '../playground/emulator/signed-requests.js';
import { sleep } from '../src/lib/sleep.js';

export type LoadJob = { url: string; signingSecret: string; bodies: string[]; ratePerSecond: number };
export type LoadResult = { sentAt: number[]; acks: number[]; errors: number };

const now = () => performance.timeOrigin + performance.now();

const run = async ({ url, signingSecret, bodies, ratePerSecond }: LoadJob): Promise<LoadResult> => {
  const sentAt: number[] = [];
  const acks: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const begin = performance.now();
  for (const [i, body] of bodies.entries()) {
    const wait = begin + (i * 1000) / ratePerSecond - performance.now();
    if (wait > 0) await sleep(wait);
    const start = performance.now();
    sentAt[i] = now();
    pending.push(
      sendSignedRequest({ body, contentType: 'application/json' }, { url, signingSecret }).then(
        (response) => {
          acks.push(performance.now() - start);
          if (response.status !== 200) errors += 1;
        },
        () => {
          errors += 1;
        },
      ),
    );
  }
  await Promise.all(pending);
  return { sentAt, acks, errors };
};

parentPort?.on('message', (job: LoadJob) => {
  void run(job).then((result) => parentPort?.postMessage(result));
});
