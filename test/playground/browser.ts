import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type Playground, startPlayground } from '../../playground/index.js';
import { loadConfig } from '../../src/config.js';
import { createQuadrant, type Quadrant } from '../../src/quadrant.js';
import { findProgram, needs, skipWithout } from '../support/services.js';

/** Suites that drive the page in Chromium are skipped (with a line at the end) when it is missing. */
export const skipWithoutChromium = skipWithout('chromium');
export const NEEDS_CHROMIUM = needs('chromium');

/** The system's Chromium, headless; a missing browser is a failure that says how to install it. */
export const launchChromium = async (): Promise<Browser> => {
  return chromium.launch({
    executablePath: findProgram('chromium'),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
};

/** Collects console errors and uncaught page errors, which the tests require to stay empty. */
export const watchErrors = (page: Page): string[] => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
};

/** The real app (rules, SQLite in a temp folder) behind the playground, and a page open on it as `user`. */
export type PlaygroundSession = {
  quadrant: Quadrant;
  playground: Playground;
  browser: Browser;
  page: Page;
  /** The page's console and uncaught errors. */
  errors: string[];
  /** Every line the app logged. */
  appLog: string[];
  close(): Promise<void>;
};

export const openPlaygroundSession = async (user: string): Promise<PlaygroundSession> => {
  const dir = mkdtempSync(join(tmpdir(), 'quadrant-playground-'));
  const appLog: string[] = [];
  const config = loadConfig({ QUADRANT_STORE_URL: `sqlite://${join(dir, 'quadrant.db')}`, QUADRANT_LOG_LEVEL: 'warn' });
  const quadrant = await createQuadrant(config, { logSink: (line) => appLog.push(line), retries: 0 });
  const playground = await startPlayground({
    config,
    port: 0,
    print: () => {},
    createApp: (s) => quadrant.createApp({ mode: 'http', ...s }).slackApp,
  });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(`${playground.url}/?user=${user}`);
  await page.locator('#connection', { hasText: 'connected' }).waitFor();
  const close = async () => {
    await browser.close();
    await playground.close();
    await quadrant.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { quadrant, playground, browser, page, errors, appLog, close };
};
