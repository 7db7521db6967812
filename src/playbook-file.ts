import { readFileSync } from 'node:fs';
import { buildPlaybook, type Playbook, PlaybookError } from './domain/playbook.js';

/**
 * Loads the deployment's playbook: the built-in one, or a bank's JSON file (QUADRANT_PLAYBOOK)
 * that replaces or extends it. Any problem fails start-up with one line naming the file.
 */
export const loadPlaybook = (path: string | undefined): Playbook => {
  if (path === undefined) return buildPlaybook(undefined);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot be read';
    throw new PlaybookError(`${path}: ${reason}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new PlaybookError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  return buildPlaybook(json, path);
};
