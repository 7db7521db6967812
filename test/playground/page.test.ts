import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Playground, startPlayground } from '../../playground/index.js';
import { loadConfig } from '../../src/config.js';
import { launchChromium, NEEDS_CHROMIUM, skipWithoutChromium, watchErrors } from './browser.js';
import { createTestApp, type Gate, gate, LOADING_MESSAGES, TEST_MANIFEST } from './test-app.js';

// The page in real Chromium against the playground and a small Bolt app of our own: Block Kit
// rendering, escaping, modals, confirm dialogs, pickers, streams, status, visibility.
let playground: Playground;
let browser: Browser;
let liWei: Page;
let errors: string[];
const streamGates: [Gate, Gate] = [gate(), gate()];

const open = async (user: string) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const pageErrors = watchErrors(page);
  await page.goto(`${playground.url}/?user=${user}`);
  await page.locator('#connection', { hasText: 'connected' }).waitFor();
  return { page, pageErrors };
};

const send = async (page: Page, text: string, box = '#composer-input') => {
  await page.locator(box).fill(text);
  await page.locator(box).press('Enter');
};

beforeAll(async () => {
  if (skipWithoutChromium) return;
  playground = await startPlayground({
    config: loadConfig({}),
    createApp: (s) => createTestApp(s, { streamGates }),
    port: 0,
    manifest: TEST_MANIFEST,
    print: () => {},
  });
  browser = await launchChromium();
  const opened = await open('U0LIWEI');
  liWei = opened.page;
  errors = opened.pageErrors;
});

afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

describe.skipIf(skipWithoutChromium)(`playground page in Chromium ${NEEDS_CHROMIUM}`, () => {
  it('renders every Block Kit block faithfully and never runs data as markup', async () => {
    await send(liWei, 'sink');
    const thread = liWei.locator('#thread-messages');
    await thread.locator('.block-header', { hasText: 'Kitchen sink ✅' }).waitFor();
    const section = thread.locator('.block-section').first();
    expect(await section.locator('.b').first().textContent()).toBe('Bold');
    expect(await section.locator('.i').first().textContent()).toBe('italic');
    expect(await section.locator('code').first().textContent()).toBe('code');
    expect(await section.textContent()).toContain('<img src=x onerror=alert(1)> <b>');
    expect(await liWei.locator('img').count()).toBe(0);
    expect(await section.locator('.section-field').allTextContents()).toEqual(['TypeStrategic', 'Confidence 82%']);
    expect(await thread.locator('hr.block-divider').count()).toBe(1);
    expect(await thread.locator('.block-context .mention').textContent()).toBe('@Li Wei');
    expect(await thread.locator('.bk-primary', { hasText: 'Open form' }).count()).toBe(1);
    expect(await thread.locator('.bk-danger', { hasText: 'Remove' }).count()).toBe(1);
    const picker = thread.locator('select[data-action-id="share_to"] option');
    expect(await picker.allTextContents()).toEqual(['Share to…', '#team', 'Quadrant (DM)']);
    // The parent in the main list shows the thread's size, as Slack does.
    await liWei.locator('#messages .replies', { hasText: '1 reply' }).waitFor();
    await liWei.screenshot({ path: 'artifacts/playground-blocks.png' });
  });

  it('shares through a conversation picker to #team, where another user sees it', async () => {
    await liWei.locator('#thread-messages select[data-action-id="share_to"]').selectOption({ label: '#team' });
    const zhang = await open('U0ZHANGMIN');
    await zhang.page.locator('#nav-team').click();
    await zhang.page.locator('#messages .message', { hasText: 'shared by @Li Wei' }).waitFor();
    // Li Wei's DM is hers alone.
    await zhang.page.locator('#nav-dm').click();
    expect(await zhang.page.locator('#messages').textContent()).not.toContain('Kitchen sink');
    expect(zhang.pageErrors).toEqual([]);
    await zhang.page.close();
  });

  it('opens a modal, shows the app validation error, and closes on a valid submission', async () => {
    await liWei.locator('#thread-messages .bk-primary', { hasText: 'Open form' }).click();
    const modal = liWei.locator('.modal[role="dialog"]');
    await modal.locator('.modal-header', { hasText: 'Form' }).waitFor();
    expect(await modal.locator('.input-hint').textContent()).toBe('At least 3 characters');
    await modal.getByLabel('Reason').fill('no');
    await modal.getByRole('button', { name: 'Save' }).click();
    await modal.locator('.input-error', { hasText: 'Too short' }).waitFor();
    await modal.getByLabel('Reason').fill('long family ties');
    await modal.getByLabel('Type').selectOption('problem_solving');
    await modal.getByRole('button', { name: 'Save' }).click();
    await modal.waitFor({ state: 'detached' });
    await liWei.locator('#messages .message', { hasText: 'saved: long family ties (problem_solving)' }).waitFor();
  });

  it('asks for confirmation before a confirm-guarded button and honours the answer', async () => {
    const card = liWei.locator('#thread-messages .message', { hasText: 'Kitchen sink' });
    await card.locator('.bk-danger', { hasText: 'Remove' }).click();
    const dialog = liWei.locator('[role="alertdialog"]');
    await dialog.getByRole('button', { name: 'Keep' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await card.count()).toBe(1);
    await card.locator('.bk-danger', { hasText: 'Remove' }).click();
    await dialog.getByRole('button', { name: 'Remove it' }).click();
    await card.waitFor({ state: 'detached' });
  });

  it('shows the status line while the app works and the reply as it streams', async () => {
    await liWei.locator('#close-thread').click();
    await send(liWei, 'stream');
    const status = liWei.locator('#messages .status-line', { hasText: 'Quadrant is thinking…' });
    await status.waitFor();
    expect(LOADING_MESSAGES).toContain(await status.locator('.loading-message').textContent());
    streamGates[0].open();
    const thread = liWei.locator('#thread-messages');
    const streaming = thread.locator('.message', { has: liWei.locator('.stream-cursor') });
    await streaming.waitFor();
    expect(await streaming.locator('.mrkdwn').textContent()).toBe('Hello ');
    streamGates[1].open();
    await thread.locator('.message .b', { hasText: 'world' }).waitFor();
    await streaming.waitFor({ state: 'detached' });
    await liWei.locator('.status-line').first().waitFor({ state: 'detached' });
  });

  it('runs slash commands from the message box; the answer is only visible to the caller', async () => {
    await liWei.locator('#nav-team').click();
    await liWei.locator('#composer-input').fill('/ec');
    await liWei.locator('.hint', { hasText: '/echo [text]' }).click();
    await liWei.locator('#composer-input').pressSequentially('hi there');
    await liWei.locator('#composer-input').press('Enter');
    const answer = liWei.locator('#messages .message.ephemeral', { hasText: 'echo: hi there' });
    await answer.waitFor();
    expect(await answer.locator('.only-you').textContent()).toBe('Only visible to you');
  });

  it('shows a localized error for a command the app does not have', async () => {
    await send(liWei, '/nope');
    await liWei.locator('#toast', { hasText: '/nope is not a valid command.' }).waitFor();
  });

  it('opens the App Home and renders what the app publishes', async () => {
    await liWei.locator('#nav-dm').click();
    await liWei.locator('#tab-home').click();
    await liWei.locator('#home .block-header', { hasText: 'Home' }).waitFor();
  });

  it('had no console errors', () => {
    expect(errors).toEqual([]);
  });
});
