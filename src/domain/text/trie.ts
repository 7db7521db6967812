/**
 * A character trie flattened into typed arrays: the matcher takes one step per character of every
 * note, so a step must be a few integer operations, not a `Map` lookup.
 */
export type FlatTrie<T> = {
  /** Node reached from the root by a UTF-16 unit, or -1. */
  first: Int32Array;
  /** Payloads of the words ending at each node. */
  outputs: T[][];
  /** Open-addressing table of the other edges: (node, unit) -> child. */
  edgeNode: Int32Array;
  edgeUnit: Int32Array;
  edgeChild: Int32Array;
  mask: number;
};

const hashEdge = (node: number, unit: number, mask: number) =>
  ((Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) >>> 0) & mask;

/** Builds the trie of `words` (non-empty strings), each carrying a payload. */
export const buildFlatTrie = <T>(words: ReadonlyArray<{ word: string; payload: T }>): FlatTrie<T> => {
  const children: Array<Map<number, number>> = [new Map()];
  const outputs: T[][] = [[]];
  for (const { word, payload } of words) {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const unit = word.charCodeAt(i);
      const edges = children[node] ?? new Map<number, number>();
      let child = edges.get(unit);
      if (child === undefined) {
        child = children.length;
        edges.set(unit, child);
        children.push(new Map());
        outputs.push([]);
      }
      node = child;
    }
    outputs[node]?.push(payload);
  }
  const first = new Int32Array(0x10000).fill(-1);
  let edgeCount = 0;
  for (const [unit, child] of children[0] ?? []) first[unit] = child;
  for (let node = 1; node < children.length; node++) edgeCount += children[node]?.size ?? 0;
  // Load factor <= 0.5 keeps probes short.
  let size = 16;
  while (size < edgeCount * 2) size *= 2;
  const mask = size - 1;
  const edgeNode = new Int32Array(size).fill(-1);
  const edgeUnit = new Int32Array(size);
  const edgeChild = new Int32Array(size);
  for (let node = 1; node < children.length; node++) {
    for (const [unit, child] of children[node] ?? []) {
      let slot = hashEdge(node, unit, mask);
      while (edgeNode[slot] !== -1) slot = (slot + 1) & mask;
      edgeNode[slot] = node;
      edgeUnit[slot] = unit;
      edgeChild[slot] = child;
    }
  }
  return { first, outputs, edgeNode, edgeUnit, edgeChild, mask };
};

/** The child of `node` along `unit`, or -1. */
export const stepTrie = <T>(trie: FlatTrie<T>, node: number, unit: number): number => {
  let slot = hashEdge(node, unit, trie.mask);
  for (;;) {
    const at = trie.edgeNode[slot] ?? -1;
    if (at === -1) return -1;
    if (at === node && trie.edgeUnit[slot] === unit) return trie.edgeChild[slot] ?? -1;
    slot = (slot + 1) & trie.mask;
  }
};
