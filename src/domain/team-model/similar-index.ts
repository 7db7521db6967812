import type { SimilarDecision } from '../types.js';

/**
 * Finds the logged decisions most like a new description, to show why the team model leans the
 * way it does. An inverted index over the team model's features, scored like BM25 without term
 * frequencies (features are sets): the sum of the shared features' idf, divided by the root of the
 * decision's length so long pastes do not match everything. Only the query's 32 rarest features
 * are read, and none found in more than 1% of the decisions (or 20): common features say little and
 * would make a query walk the whole log.
 * One entry per client: the newest decision about it.
 */

type Entry = SimilarDecision & { clientId: string; length: number; seq: number };

const MIN_SHARED_FEATURES = 2;
const MAX_QUERY_FEATURES = 32;

export class SimilarIndex {
  private readonly entries: Entry[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly latestByClient = new Map<string, number>();

  get size(): number {
    return this.entries.length;
  }

  add(decision: SimilarDecision & { clientId: string }, features: readonly string[]): void {
    const index = this.entries.length;
    this.entries.push({ ...decision, length: Math.max(1, features.length), seq: index });
    for (const f of features) {
      const list = this.postings.get(f);
      if (list === undefined) this.postings.set(f, [index]);
      else list.push(index);
    }
    this.latestByClient.set(decision.clientId, index);
  }

  /** The `k` most similar decisions (newest per client), best first. */
  query(features: readonly string[], k: number): SimilarDecision[] {
    const n = this.entries.length;
    if (n === 0 || k <= 0) return [];
    const maxDf = Math.max(20, Math.floor(n / 100));
    // The rarest shared features decide similarity; reading only them bounds the work per query.
    const lists: number[][] = [];
    for (const f of features) {
      const list = this.postings.get(f);
      if (list !== undefined && list.length <= maxDf) lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
    const scores = new Map<number, { score: number; shared: number }>();
    for (const list of lists.slice(0, MAX_QUERY_FEATURES)) {
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const i of list) {
        // Older decisions about a client are superseded by its newest one.
        if (this.latestByClient.get((this.entries[i] as Entry).clientId) !== i) continue;
        const s = scores.get(i);
        if (s === undefined) scores.set(i, { score: idf, shared: 1 });
        else {
          s.score += idf;
          s.shared += 1;
        }
      }
    }
    return [...scores.entries()]
      .filter(([, s]) => s.shared >= MIN_SHARED_FEATURES)
      .map(([i, s]) => ({
        entry: this.entries[i] as Entry,
        score: s.score / Math.sqrt((this.entries[i] as Entry).length),
      }))
      .sort((a, b) => b.score - a.score || b.entry.seq - a.entry.seq)
      .slice(0, k)
      .map(({ entry }) => ({
        decisionId: entry.decisionId,
        clientName: entry.clientName,
        type: entry.type,
        date: entry.date,
      }));
  }
}
