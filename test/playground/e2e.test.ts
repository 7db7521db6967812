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

// The end-to-end flow in headless Chromium against the real Quadrant app (real handlers,
// rules classifier, SQLite store in a temp dir) through the playground: describe a client, answer
// a follow-up, confirm, share the card to #team, run /playbook and /client, save a screenshot.
let session: PlaygroundSession | undefined;
let quadrant: Quadrant;
let playground: Playground;
let browser: Browser;
let page: Page;
let errors: string[];
let appLog: string[];

beforeAll(async () => {
  if (skipWithoutChromium) return;
  session = await openPlaygroundSession('U0LIWEI');
  ({ quadrant, playground, browser, page, errors, appLog } = session);
});

afterAll(async () => {
  await session?.close();
});

const thread = () => page.locator('#thread-messages');
const button = (scope: Locator, name: string) => scope.getByRole('button', { name, exact: true });
const lastBotMessage = () => thread().locator('.message.from-bot').last();
const answerInThread = async (text: string) => {
  await page.locator('#thread-input').fill(text);
  await page.locator('#thread-input').press('Enter');
};

describe.skipIf(skipWithoutChromium)(`playground end to end with the real app ${NEEDS_CHROMIUM}`, () => {
  it('offers the app suggested prompts in the empty DM', async () => {
    // Opening the DM started an assistant thread; the app answered with setSuggestedPrompts.
    const prompts = page.locator('#messages .suggested-prompt');
    await prompts.first().waitFor();
    expect(await prompts.allTextContents()).toContain('Classify a client');
  });

  it('asks a follow-up about a vague client and classifies after the answers', async () => {
    await page.locator('#composer-input').fill('Acme Power wants a loan for a new plant.');
    await page.locator('#composer-input').press('Enter');
    // The DM reply lands in the message's thread, which the page opens like Slack's agent view.
    const seen: string[] = [];
    const nextPrompt = async () => {
      const unseen = seen.map((ts) => `:not([data-ts="${ts}"])`).join('');
      const prompt = thread()
        .locator(`.message.from-bot${unseen}`)
        .filter({ has: page.getByRole('button', { name: /^(Confirm|Classify now)$/ }) })
        .last();
      await prompt.waitFor();
      seen.push((await prompt.getAttribute('data-ts')) ?? '');
      return prompt;
    };
    const first = await nextPrompt();
    expect(await button(first, 'Confirm').count()).toBe(0);
    expect(await first.textContent()).toContain('One quick question before I classify');
    // Answer with the quick-reply button when it is a yes/no question, else in words.
    if ((await button(first, 'No').count()) > 0) await button(first, 'No').click();
    else await answerInThread('It is a family business; the founder’s son runs it now.');
    let prompt = await nextPrompt();
    for (let turn = 0; turn < 2 && (await button(prompt, 'Confirm').count()) === 0; turn += 1) {
      if (turn === 0) await answerInThread('A family business; the second generation runs it and banks only with us.');
      else await button(prompt, 'Classify now').click();
      prompt = await nextPrompt();
    }
    expect(await prompt.locator('.block-header').count()).toBeGreaterThan(0);
    expect(await prompt.textContent()).toContain('Recommended actions');
  });

  it('shares the card to #team through the modal, where the team lead sees it', async () => {
    // Shared before confirming: a decided card keeps no buttons, so this is the moment to share it.
    const card = thread()
      .locator('.message.from-bot', { has: page.getByRole('button', { name: 'Share to channel' }) })
      .last();
    await button(card, 'Share to channel').click();
    const modal = page.locator('.modal[role="dialog"]');
    await modal.locator('.modal-header', { hasText: 'Share to channel' }).waitFor();
    await modal.getByLabel('Channel').selectOption({ label: '#team' });
    mkdirSync('artifacts', { recursive: true });
    await page.screenshot({ path: 'artifacts/playground-share-modal.png' });
    await button(modal, 'Share').click();
    await modal.waitFor({ state: 'detached' });

    const lead = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const leadErrors = watchErrors(lead);
    await lead.goto(`${playground.url}/?user=U0CHEN`);
    await lead.locator('#nav-team').click();
    await lead.locator('#messages .message.from-bot', { hasText: 'Shared by @Li Wei' }).waitFor();
    expect(leadErrors).toEqual([]);
    await lead.close();
  });

  it('confirms the decision and stamps the card', async () => {
    const card = thread()
      .locator('.message.from-bot', { has: page.getByRole('button', { name: 'Confirm' }) })
      .last();
    await button(card, 'Confirm').click();
    await thread().locator('.message.from-bot', { hasText: 'confirmed' }).last().waitFor();
    expect(await lastBotMessage().textContent()).toContain('@Li Wei confirmed');
    const decisions = await quadrant.store.decisions.list(
      {},
      { userId: 'U0LIWEI', teamId: 'T0PLAYGROUND', isAdmin: false },
    );
    expect(decisions).toHaveLength(1);
    expect(decisions[0]?.clientName).toContain('Acme Power');
  });

  it('runs /playbook and /client from the message box', async () => {
    await page.locator('#close-thread').click();
    await page.locator('#composer-input').fill('/playbook');
    await page.locator('#composer-input').press('Enter');
    const glance = page.locator('#messages .message.ephemeral', { hasText: 'The four relationship types' });
    await glance.waitFor();
    expect(await glance.locator('.only-you').textContent()).toBe('Only visible to you');

    await page.locator('#composer-input').fill('/client Acme Power');
    await page.locator('#composer-input').press('Enter');
    const timeline = page.locator('#messages .message.ephemeral', { hasText: 'Decision history: Acme Power' });
    await timeline.waitFor();
    expect(await timeline.textContent()).toContain('@Li Wei');
    // The artifact shows the whole story: the thread with the decided card beside the commands.
    await page.locator('#messages .replies').first().click();
    await thread().locator('.message.from-bot', { hasText: 'confirmed' }).last().scrollIntoViewIfNeeded();
    mkdirSync('artifacts', { recursive: true });
    await page.screenshot({ path: 'artifacts/playground.png' });
  });

  it('classifies a #team message through its message shortcut, for the caller only', async () => {
    await page.locator('#close-thread').click();
    await page.locator('#nav-team').click();
    await page
      .locator('#composer-input')
      .fill('Huaneng is a large state-owned group, AAA rated; we have done many projects together for ten years.');
    await page.locator('#composer-input').press('Enter');
    const message = page.locator('#messages .message', { hasText: 'Huaneng is a large state-owned group' });
    await message.hover();
    await message.getByRole('button', { name: 'More actions' }).click();
    await message.getByRole('button', { name: 'Classify this client' }).click();
    const card = page.locator('#messages .message.ephemeral', { hasText: 'Recommended actions' });
    await card.waitFor();
    expect(await card.locator('.only-you').textContent()).toBe('Only visible to you');
  });

  it('answers an @Quadrant mention in #team in the thread, for everyone in the channel', async () => {
    await page
      .locator('#composer-input')
      .fill('@Quadrant Developer with a liquidity crunch, missed a payment, asking to restructure its loan.');
    await page.locator('#composer-input').press('Enter');
    const mention = page.locator('#messages .message', { hasText: '@Quadrant Developer with a liquidity crunch' });
    await mention.locator('.mention', { hasText: '@Quadrant' }).waitFor();
    await mention.locator('.replies').waitFor();
    await mention.locator('.replies').click();
    await thread()
      .locator('.message.from-bot', { has: page.getByRole('button', { name: /^(Confirm|Classify now)$/ }) })
      .first()
      .waitFor();
  });

  it('shows the App Home with the decision just logged', async () => {
    await page.locator('#nav-dm').click();
    await page.locator('#tab-home').click();
    const home = page.locator('#home');
    await home.locator('.block-header', { hasText: 'Your recent decisions' }).waitFor();
    expect(await home.textContent()).toContain('Acme Power');
  });

  it('had no console errors and the app logged none', () => {
    expect(errors).toEqual([]);
    expect(appLog.filter((line) => line.includes('ERROR'))).toEqual([]);
  });
});
