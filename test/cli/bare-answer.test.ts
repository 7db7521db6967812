import { describe, expect, it } from 'vitest';
import { bareAnswer } from '../../src/cli/chat-session.js';

const question = (yesNo: boolean, choices: number) => ({
  kind: 'question' as const,
  id: 'q1',
  question: '?',
  yesNo,
  choices: Array.from({ length: choices }, () => ({ says: { en: 'x', zh: 'x' } })) as never,
  number: 2,
  lang: 'en' as const,
});

describe('bareAnswer', () => {
  it('reads yes/no in both languages only for a yes/no question', () => {
    expect(bareAnswer(question(true, 0), '是')).toEqual({ questionId: 'q1', number: 2, yes: true });
    expect(bareAnswer(question(true, 0), 'no')).toEqual({ questionId: 'q1', number: 2, yes: false });
    expect(bareAnswer(question(false, 0), 'yes')).toBeNull();
  });
  it('reads a choice number in range, and nothing else', () => {
    expect(bareAnswer(question(false, 3), '3')).toEqual({ questionId: 'q1', number: 2, choice: 2 });
    expect(bareAnswer(question(false, 3), '4')).toBeNull();
    expect(bareAnswer(question(false, 3), '2 more')).toBeNull();
  });
});
