import { configs } from 'opencc-js/preset/t2cn';

/**
 * Traditional → simplified at the level of single characters, from OpenCC's own dictionaries
 * (Taiwan and Hong Kong variant tables, then the traditional→simplified character table).
 *
 * Character level on purpose: a one-to-one mapping keeps every normalized character tied to the
 * original character it came from, so evidence spans still quote the RM's traditional text. OpenCC's
 * phrase tables only matter for a handful of rare words (乾隆 keeps 乾); the lexicon is normalized the
 * same way, so both sides of every match agree.
 */

type DictLike = string | ReadonlyArray<readonly [string, string]> | Record<string, string>;

/** Single-character entries of one OpenCC dictionary: "繁 简|…" strings, pair lists or objects. */
const singleCharEntries = (dict: DictLike): Array<[number, string]> => {
  const pairs: Array<[string, string]> = [];
  if (typeof dict === 'string') {
    for (const entry of dict.split('|')) {
      const [from, to] = entry.split(' ');
      if (from !== undefined && to !== undefined) pairs.push([from, to]);
    }
  } else if (Array.isArray(dict)) {
    for (const [from, to] of dict as ReadonlyArray<readonly [string, string]>) pairs.push([from, to]);
  } else {
    for (const [from, to] of Object.entries(dict)) pairs.push([from, to]);
  }
  const out: Array<[number, string]> = [];
  for (const [from, to] of pairs) {
    const cp = from.codePointAt(0);
    if (cp === undefined || String.fromCodePoint(cp) !== from || to.length === 0) continue;
    const first = String.fromCodePoint(to.codePointAt(0) ?? 0);
    if (first !== from) out.push([cp, first]);
  }
  return out;
};

/** Applies each group of the chain in order, as OpenCC does, composing the character maps. */
const buildTable = (): Map<number, string> => {
  const table = new Map<number, string>();
  const chains = [configs.tw2s?.conversionChain ?? [], configs.hk2s?.conversionChain ?? []];
  // Variant groups first (裡→裏, 台→臺 in HK), then traditional→simplified characters.
  const variantGroups = chains.flatMap((chain) => chain.slice(0, -1));
  const charGroup = chains[0]?.at(-1) ?? [];
  const apply = (group: readonly unknown[]) => {
    const step = new Map<number, string>();
    for (const dict of group) for (const [cp, to] of singleCharEntries(dict as DictLike)) step.set(cp, to);
    // Compose: characters already mapped move on through this group; new ones enter it.
    for (const [cp, to] of table) {
      const next = step.get(to.codePointAt(0) ?? 0);
      if (next !== undefined) table.set(cp, next);
    }
    for (const [cp, to] of step) if (!table.has(cp)) table.set(cp, to);
  };
  for (const group of variantGroups) apply(group);
  apply(charGroup);
  for (const [cp, to] of table) if (to === String.fromCodePoint(cp)) table.delete(cp);
  return table;
};

const TABLE = buildTable();

/** BMP fast path: simplified code unit for a traditional one, 0 when the character is unchanged. */
const BMP = new Uint16Array(0x10000);
for (const [cp, to] of TABLE) {
  const code = to.codePointAt(0) ?? 0;
  if (cp < 0x10000 && code < 0x10000 && to.length === 1) BMP[cp] = code;
}

/** The simplified form of one code point: a string of one or two UTF-16 units, or null when unchanged. */
export const simplifiedOf = (cp: number): string | null => {
  if (cp < 0x10000) {
    const code = BMP[cp] ?? 0;
    if (code !== 0) return String.fromCharCode(code);
  }
  return TABLE.get(cp) ?? null;
};

/** Simplified code unit for a BMP code point, or the code point itself; the hot path of normalization. */
export const simplifiedUnit = (cp: number): number => {
  const code = BMP[cp] ?? 0;
  return code === 0 ? cp : code;
};

/** True when the code point is a traditional (or variant) form with a different simplified form. */
export const isTraditional = (cp: number): boolean => TABLE.has(cp);
