import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playground } from '../../playground/index.js';
import type { Quadrant } from '../../src/quadrant.js';
import {
  NEEDS_CHROMIUM,
  openPlaygroundSession,
  type PlaygroundSession,
  skipWithoutChromium,
  watchErrors,
} from './browser.js';

// A new RM's first five minutes in the playground, in headless Chromium against the real app:
// hi, a playbook question, a description, a follow-up, confirm, change type, share, and a
// teammate's /client. Each step leaves a screenshot in artifacts/ to look at.
let session: PlaygroundSession | undefined;
let quadrant: Quadrant;
let playground: Playground;
let browser: Browser;
let page: Page;
let errors: string[];
let appLog: string[];
let shot = 0;

const snap = async (p: Page, name: string) => {
  mkdirSync('artifacts', { recursive: true });
  shot += 1;
  await p.screenshot({ path: `artifacts/first-five-minutes-${String(shot).padStart(2, '0')}-${name}.png` });
};

beforeAll(async () => {
  if (skipWithoutChromium) return;
  session = await openPlaygroundSession('U0LIWEI');
  ({ quadrant, playground, browser, page, errors, appLog } = session);
});

afterAll(async () => {
  await session?.close();
});

const thread = () => page.locator('#thread-messages');
const button = (scope: Locator, name: string | RegExp) =>
  scope.getByRole('button', { name, exact: typeof name === 'string' });
const send = async (text: string) => {
  await page.locator('#composer-input').fill(text);
  await page.locator('#composer-input').press('Enter');
};
const sendInThread = async (text: string) => {
  await page.locator('#thread-input').fill(text);
  await page.locator('#thread-input').press('Enter');
};
const botReply = (hasText: string | RegExp) => thread().locator('.message.from-bot', { hasText }).last();

describe.skipIf(skipWithoutChromium)(`a new RM's first five minutes ${NEEDS_CHROMIUM}`, () => {
  it('says hi and gets the welcome with the four types and example prompts', async () => {
    await send('hi');
    const welcome = botReply('Hi, I am Quadrant');
    await welcome.waitFor();
    expect(await welcome.textContent()).toContain('The four types');
    expect(await welcome.textContent()).not.toContain('quick question');
    await snap(page, 'hi');
    await page.locator('#close-thread').click();
  });

  it('asks the playbook and gets the playbook answer, not a client question', async () => {
    await send('How do we keep partnership clients?');
    const answer = botReply('Strategies');
    await answer.waitFor();
    expect(await answer.textContent()).toContain('partnership');
    expect(await answer.textContent()).not.toContain('quick question');
    await snap(page, 'playbook-question');
    await page.locator('#close-thread').click();
  });

  it('describes a client, answers the follow-up and gets a card', async () => {
    await send('华东某城投平台,近期出现一笔利息逾期,正在与多家银行协商展期');
    const first = thread().locator('.message.from-bot').last();
    await first.waitFor();
    await snap(page, 'description');
    if ((await first.textContent())?.includes('分类前想确认一个问题')) {
      await sendInThread('已经逾期两个月了');
      await thread().locator('.message.from-bot', { hasText: '→ 已经逾期两个月了' }).waitFor();
      const next = thread().locator('.message.from-bot').last();
      if ((await button(next, '直接分类').count()) > 0 && (await button(next, '确认').count()) === 0)
        await button(next, '直接分类').click();
    }
    const card = thread()
      .locator('.message.from-bot', { has: page.getByRole('button', { name: '确认' }) })
      .last();
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('问题解决');
    expect(text).toMatch(/华东某城投平台 · \d\d-\d\d #\d+/);
    // A client in default never gets "fast standard process"; one language on the card.
    expect(text).not.toContain('简便快捷');
    expect(text).not.toContain('Confidence');
    await card.scrollIntoViewIfNeeded();
    await snap(page, 'follow-up-and-card');
  });

  it('confirms, then changes the type with a reason, and the card is redrawn as the new type', async () => {
    const card = thread()
      .locator('.message.from-bot', { has: page.getByRole('button', { name: '确认' }) })
      .last();
    await button(card, '确认').click();
    const decided = thread().locator('.message.from-bot', { hasText: '已确认为' }).last();
    await decided.waitFor();
    await decided.locator('select').selectOption({ label: '标准交易型' });
    const modal = page.locator('.modal[role="dialog"]');
    await modal.locator('textarea, input[type="text"]').first().fill('展期已谈妥,客户现在只比价格');
    await snap(page, 'change-type-reason');
    await button(modal, '记录决策').click();
    await modal.waitFor({ state: 'detached' });
    const redrawn = thread().locator('.message.from-bot', { hasText: '已将类型改为' }).last();
    await redrawn.waitFor();
    const text = (await redrawn.textContent()) ?? '';
    expect(text).toContain('交易型');
    expect(text).toMatch(/原判断:问题解决型/);
    expect(text).toContain('展期已谈妥');
    await redrawn.scrollIntoViewIfNeeded();
    await snap(page, 'change-type');
  });

  it('shares the card to #team, told that the team will see it', async () => {
    const card = thread().locator('.message.from-bot', { hasText: '已将类型改为' }).last();
    await button(card, '分享到频道').click();
    const modal = page.locator('.modal[role="dialog"]');
    await modal.locator('.modal-header').waitFor();
    expect(await modal.textContent()).toContain('对团队可见');
    await modal.locator('select').selectOption({ label: '#team' });
    await snap(page, 'share-dialog');
    await button(modal, '分享').click();
    await modal.waitFor({ state: 'detached' });
  });

  it("a teammate's /client shows the shared decision", async () => {
    const mate = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const mateErrors = watchErrors(mate);
    // Zhang Min is an RM, not an admin: only sharing lets her see Li Wei's decision.
    await mate.goto(`${playground.url}/?user=U0ZHANGMIN`);
    await mate.locator('#connection', { hasText: 'connected' }).waitFor();
    await mate.locator('#nav-team').click();
    await mate.locator('#messages .message.from-bot', { hasText: '交易型' }).first().waitFor();
    const client = (
      await quadrant.store.decisions.list({}, { userId: 'U0LIWEI', teamId: 'T0PLAYGROUND', isAdmin: true })
    )[0]?.clientName;
    await mate.locator('#composer-input').fill(`/client ${client}`);
    await mate.locator('#composer-input').press('Enter');
    const timeline = mate.locator('#messages .message.ephemeral', { hasText: '@Li Wei' }).last();
    await timeline.waitFor();
    expect(await timeline.textContent()).not.toContain('No decisions you can see');
    await snap(mate, 'teammate-client');
    expect(mateErrors).toEqual([]);
    await mate.close();
  });

  it('keeps a message typed while disconnected in the box, with an error, and sends it once back', async () => {
    const offline = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await offline.goto(`${playground.url}/?user=U0ZHANGMIN`);
    await offline.locator('#connection', { hasText: 'connected' }).waitFor();
    await offline.context().setOffline(true);
    const box = offline.locator('#composer-input');
    await box.fill('Client: Blue Harbour. AAA-rated SOE, third project with us.');
    await box.press('Enter');
    await offline.locator('#toast', { hasText: 'Not sent' }).waitFor();
    expect(await box.inputValue()).toBe('Client: Blue Harbour. AAA-rated SOE, third project with us.');
    await snap(offline, 'not-sent-while-offline');
    await offline.context().setOffline(false);
    await offline.locator('#connection', { hasText: /^connected$/ }).waitFor();
    await box.press('Enter');
    await offline.locator('#messages .message', { hasText: 'Blue Harbour' }).first().waitFor();
    expect(await box.inputValue()).toBe('');
    await offline.close();
  });

  it('had no console errors and the app logged none', () => {
    expect(errors).toEqual([]);
    expect(appLog.filter((line) => line.includes('ERROR') || line.includes('"level":"error"'))).toEqual([]);
  });
});
