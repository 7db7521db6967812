import type { RelationshipType } from '../../../src/domain/types.js';

/**
 * A synthetic team whose notes use its own shorthand, which the rules' lexicon does not know: the
 * kind of language a team model must pick up from decisions. Each note mixes one or two of a
 * type's phrases with neutral filler, so no single phrase is the whole note.
 */
const PHRASES: Record<RelationshipType, string[]> = {
  strategic: ['金钥匙名单', 'platinum desk', '总对总', '顶格覆盖', 'anchor mandate', '一把手工程'],
  transactional: ['快单通道', 'spot desk', '一单一议', 'ticket pricing', '过桥单', 'flash quote'],
  partnership: ['老朋友圈', 'home desk', '家底客户', 'kinship book', '世交', 'heritage file'],
  problem_solving: ['红灯名单', 'watch desk', '挂黄牌', 'workout file', '出表处置', 'amber flag'],
};
const FILLER = ['本周拜访', 'met the CFO', '材料已提交', 'call scheduled', '项目在华东', 'team notes', '下周回访'];

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;

export const jargonCases = (count: number, offset = 0) =>
  Array.from({ length: count }, (_, i) => {
    const n = i + offset;
    const label = pick(['strategic', 'transactional', 'partnership', 'problem_solving'] as const, n);
    const phrases = PHRASES[label];
    const text = `客户${n}:${pick(FILLER, n * 7)},${pick(phrases, n * 5)};${pick(FILLER, n * 3 + 1)},${pick(phrases, n * 11 + 2)}。`;
    return { id: `j${n}`, label, text };
  });
