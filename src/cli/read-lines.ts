import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

const stripCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

/**
 * The lines of a stream, one batch per chunk read, reading the next chunk only when the caller asks
 * for more: memory stays flat however fast the input arrives (readline's iterator queues every line
 * it has read while the caller is busy), and the caller handles a whole chunk's lines between two
 * reads instead of suspending once per line (each suspension keeps that line's work alive long
 * enough to be promoted to the old generation). Accepts LF and CRLF; a last line without a newline
 * counts.
 */
export async function* readLineBatches(input: Readable): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of input) {
    carry += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    const batch: string[] = [];
    let start = 0;
    for (let end = carry.indexOf('\n'); end !== -1; end = carry.indexOf('\n', start)) {
      batch.push(stripCr(carry.slice(start, end)));
      start = end + 1;
    }
    carry = carry.slice(start);
    if (batch.length > 0) yield batch;
  }
  carry += decoder.end();
  if (carry !== '') yield [stripCr(carry)];
}
