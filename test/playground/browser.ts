import { type Browser, chromium, type Page } from 'playwright-core';
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
