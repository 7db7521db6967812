import { type Config, loadConfig } from '../config.js';
import type { Playbook } from '../domain/playbook.js';
import { type ClassifierDeps, createClassifier } from '../llm/classifier.js';
import type { Classifier } from '../llm/port.js';
import { loadPlaybook } from '../playbook-file.js';
import type { CommandIo } from './io.js';

export type CliContext = { config: Config; playbook: Playbook; classifier: Classifier };

/** The hybrid classifier (rules-only without a key), with the store's team models when given. */
export const cliClassifier = (config: Config, playbook: Playbook, teamModels?: ClassifierDeps['teamModels']) =>
  createClassifier({ playbook, llm: config.llm, ...(teamModels === undefined ? {} : { teamModels }) });

/** Config, playbook and the hybrid classifier (rules-only without a key) for one CLI run. */
export const buildCliContext = (io: CommandIo): CliContext => {
  const config = loadConfig(io.env);
  const playbook = loadPlaybook(config.playbookPath);
  return { config, playbook, classifier: cliClassifier(config, playbook) };
};
