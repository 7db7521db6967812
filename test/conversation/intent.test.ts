import { describe, expect, it } from 'vitest';
import { routeIntent } from '../../src/conversation/intent.js';
import { classifyWithRules } from '../../src/domain/rules.js';

/** Routes a first message the way the service does: with the rules' count of real signals. */
const route = (text: string, describing = false) =>
  routeIntent(text, {
    describing,
    signalCount: classifyWithRules(text).signals.filter((s) => s.weight > 0 && !s.negated).length,
  });

describe('intent routing', () => {
  it.each([
    'hi',
    'Hello!',
    'help',
    'hey there',
    'What can you do?',
    'how do I use this',
    '你好',
    '您好!',
    '怎么用?',
    '你能做什么',
    '帮助',
  ])('greets "%s"', (text) => {
    expect(route(text).kind).toBe('greeting');
  });

  it.each([
    ['What does the playbook say about partnership clients?', 'partnership'],
    ['how do we keep partnership clients', 'partnership'],
    ['How should we handle a distressed borrower?', 'problem_solving'],
    ['What is the strategy for transactional clients?', 'transactional'],
    ['伙伴型客户应该怎么维护?', 'partnership'],
    ['纾困怎么做', 'problem_solving'],
    ['战略合作型客户有哪些打法?', 'strategic'],
    ['交易型客户怎么管理', 'transactional'],
    ['纾困', 'problem_solving'],
  ])('answers "%s" from the playbook', (text, type) => {
    expect(route(text)).toMatchObject({ kind: 'playbook', type });
  });

  it.each([
    ['What did we decide on 省能源集团?', '省能源集团'],
    ['what did we decide on Huaneng Power', 'Huaneng Power'],
    ['Show me the history of Acme Steel Ltd', 'Acme Steel Ltd'],
    ['History for Acme Steel Ltd ?', 'Acme Steel Ltd'],
    ["timeline of Delta Devco's history?", 'Delta Devco'],
    ['What type is Acme Steel ?', 'Acme Steel'],
    ['华润集团是什么类型?', '华润集团'],
    ['省能源集团属于哪类客户', '省能源集团'],
    ['what kind was client Delta Devco', 'Delta Devco'],
    ['华能电力的历史记录', '华能电力'],
    ['我们之前对省能源集团做了什么决策?', '省能源集团'],
    ['查一下万科的决策记录', '万科'],
  ])('looks up the history in "%s"', (text, clientName) => {
    expect(route(text)).toEqual({ kind: 'history', clientName });
  });

  it.each([
    // Descriptions that mention the playbook or a type in passing stay descriptions.
    'AAA-rated SOE, third project with us, wants a long-term framework per the playbook.',
    'Client: Delta Devco. Missed a payment; the playbook says restructure, what do we do?',
    '客户是AAA评级央企,第三次合作,想按打法手册签长期框架',
    '华东某城投平台,近期出现一笔利息逾期,正在与多家银行协商展期,纾困怎么做?',
    'Mid-size manufacturer, compares three banks on price, wants approval within a week.',
    '家族企业,三代人都在我行开户,董事长很认同我们的文化',
    'A client.',
    'Acme Power wants a quick loan for a new plant.',
  ])('keeps "%s" a client description', (text) => {
    expect(route(text).kind).toBe('description');
  });

  it.each([
    'What type is strategic?',
    'what kind is this client',
    'What type is the client that missed a payment?',
    '民营企业是什么类型?',
    '这个客户是什么类型',
  ])('does not read "%s" as a client\'s history', (text) => {
    expect(route(text).kind).not.toBe('history');
  });

  it.each(['ok', 'test', '好的', '嗯', 'thanks'])('asks what "%s" is about', (text) => {
    expect(route(text).kind).toBe('unclear');
  });

  it('treats a short answer inside a description thread as part of it', () => {
    expect(route('no', true).kind).toBe('description');
    expect(route('三年', true).kind).toBe('description');
    // A clear question still gets its answer mid-thread.
    expect(route('伙伴型客户应该怎么维护?', true).kind).toBe('playbook');
  });
});
