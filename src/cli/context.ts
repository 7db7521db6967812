import { type Config, loadConfig } from '../config.js';
import type { Playbook } from '../domain/playbook.js';
import { createClassifier } from '../llm/classifier.js';
import type { Classifier } from '../llm/port.js';
import { loadPlaybook } from '../playbook-file.js';
import type { CommandIo } from './io.js';

export type CliContext = { config: Config; playbook: Playbook; classifier: Classifier };

/** Config, playbook and the hybrid classifier (rules-only without a key) for one CLI run. */
export const buildCliContext = (io: CommandIo): CliContext => {
  const config = loadConfig(io.env);
  const playbook = loadPlaybook(config.playbookPath);
  return { config, playbook, classifier: createClassifier({ playbook, llm: config.llm }) };
};
