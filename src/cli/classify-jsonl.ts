import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { detectLang } from '../domain/lang.js';
import type { Classifier } from '../llm/port.js';
import { readLineBatches } from './read-lines.js';
import { toJson } from './to-json.js';

const jsonlLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
});

/** Writes respecting backpressure so 100,000 lines run in constant memory. */
const writeChunk = async (output: Writable, bytes: Buffer) => {
  if (!output.write(bytes)) await once(output, 'drain');
};

/**
 * A batch's answers as UTF-8 bytes. Each line's JSON is encoded as soon as it is made, so the
 * string dies young; the bytes live outside the JS heap until the pipe has taken them.
 */
class OutputBatch {
  private buffer = Buffer.allocUnsafe(256 * 1024);
  private length = 0;

  add(line: string): void {
    const needed = Buffer.byteLength(line) + 1;
    if (this.length + needed > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + needed));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(line, this.length);
    this.buffer[this.length] = 0x0a;
    this.length += 1;
  }

  /** A copy of the bytes so far (the stream may hold it after `write` returns); empties the batch. */
  take(): Buffer | null {
    if (this.length === 0) return null;
    const bytes = Buffer.from(this.buffer.subarray(0, this.length));
    this.length = 0;
    return bytes;
  }
}

/** A JSONL input line checked against {"id","text"}; throws on bad input. */
const parseJsonlLine = (line: string, lineNo: number): { id: string | number; text: string } => {
  const json: unknown = JSON.parse(line);
  const parsed = jsonlLine.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`line ${lineNo}: ${issue ? `${issue.path.join('.') || 'line'}: ${issue.message}` : 'invalid'}`);
  }
  return parsed.data;
};

/** The id to echo on an error line: the input's own id when it has a usable one. */
const idOf = (line: string): string | number | null => {
  try {
    const json: unknown = JSON.parse(line);
    if (json && typeof json === 'object' && 'id' in json) {
      const maybeId = (json as { id: unknown }).id;
      if (typeof maybeId === 'string' || typeof maybeId === 'number') return maybeId;
    }
  } catch {
    // Not JSON: no id to echo.
  }
  return null;
};

/**
 * `classify --jsonl`: one answer line per input line, in order, `{id,error}` in place of a bad
 * line; 2 when any line failed. Lines are classified a chunk at a time and each chunk's answers go
 * out in one write, so per line nothing outlives the batch but its output bytes.
 */
export const classifyJsonl = async (classifier: Classifier, input: Readable, output: Writable): Promise<number> => {
  let failed = 0;
  let lineNo = 0;
  const out = new OutputBatch();
  for await (const batch of readLineBatches(input)) {
    for (const raw of batch) {
      lineNo += 1;
      // A file saved with a byte-order mark (Windows editors, Excel) keeps it on its first line.
      const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      try {
        const { id, text } = parseJsonlLine(line, lineNo);
        const { classification } = await classifier.classify({ text, lang: detectLang(text) });
        out.add(JSON.stringify({ id, ...toJson(classification) }));
      } catch (error) {
        failed += 1;
        const message = error instanceof SyntaxError ? `line ${lineNo}: not valid JSON` : (error as Error).message;
        out.add(JSON.stringify({ id: idOf(line), error: message }));
      }
    }
    const bytes = out.take();
    if (bytes !== null) await writeChunk(output, bytes);
  }
  return failed > 0 ? 2 : 0;
};
