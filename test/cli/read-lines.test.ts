import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLineBatches } from '../../src/cli/read-lines.js';

const collect = async (chunks: Array<Buffer | string>) => {
  const batches: string[][] = [];
  for await (const batch of readLineBatches(Readable.from(chunks, { objectMode: false }))) batches.push(batch);
  return batches;
};

describe('readLineBatches', () => {
  it('gives one batch per chunk, keeping a line split across chunks whole', async () => {
    const batches = await collect([Buffer.from('a\nb\r\nc'), Buffer.from('d\ne\n')]);
    expect(batches).toEqual([
      ['a', 'b'],
      ['cd', 'e'],
    ]);
  });

  it('decodes a multi-byte character split across two chunks', async () => {
    const bytes = Buffer.from('客户\n');
    const batches = await collect([bytes.subarray(0, 4), bytes.subarray(4)]);
    expect(batches).toEqual([['客户']]);
  });

  it('counts a last line without a newline and yields nothing for empty input', async () => {
    expect(await collect([Buffer.from('x\ny')])).toEqual([['x'], ['y']]);
    expect(await collect([])).toEqual([]);
  });
});
