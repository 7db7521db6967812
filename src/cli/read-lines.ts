import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/**
 * The lines of a stream, one at a time, reading the next chunk only when the caller asks for more:
 * memory stays flat however fast the input arrives (readline's iterator queues every line it has
 * read while the caller is busy). Accepts LF and CRLF; a last line without a newline counts.
 */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of input) {
    carry += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    let start = 0;
    for (let end = carry.indexOf('\n'); end !== -1; end = carry.indexOf('\n', start)) {
      const line = carry.slice(start, end);
      start = end + 1;
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
    }
    carry = carry.slice(start);
  }
  carry += decoder.end();
  if (carry !== '') yield carry.endsWith('\r') ? carry.slice(0, -1) : carry;
}
