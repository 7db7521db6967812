import { ConfigError } from '../config.js';
import { PlaybookError } from '../domain/playbook.js';
import { type Command, type CommandIo, UsageError } from './io.js';
import { outputFailure } from './output-errors.js';

export const MAIN_HELP = `quadrant: classify client relationships and look up the four-type playbook.

Usage:
  quadrant classify "TEXT" [--json]      classify one description (or --jsonl for a batch on stdin)
  quadrant playbook [TYPE|KEYWORD]       the playbook, one type, or actions matching a keyword
  quadrant eval FILE.jsonl [--llm]       score the classifier on labelled cases (--learning-curve)
  quadrant model rebuild                 rebuild the team models from the decision log
  quadrant log list|export|stats|purge   the decision log (see quadrant help log)
  quadrant chat                          the Slack conversation, in the terminal
  quadrant help COMMAND                  help for one command

Run "npm start" for the Slack app (or the local playground when no Slack tokens are set).`;

/** Each command is loaded only when run, so `quadrant playbook` never loads the store or the LLM client. */
const commands: Record<string, () => Promise<Command>> = {
  classify: async () => (await import('./classify-command.js')).runClassifyCommand,
  playbook: async () => (await import('./playbook-command.js')).runPlaybookCommand,
  eval: async () => (await import('./eval-command.js')).runEvalCommand,
  log: async () => (await import('./log-command.js')).runLogCommand,
  chat: async () => (await import('./chat-command.js')).runChatCommand,
  model: async () => (await import('./model-command.js')).runModelCommand,
};

/** Runs the CLI with injected streams; returns the exit status (2 for usage and config errors). */
export const runCli = async (argv: string[], io: CommandIo): Promise<number> => {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const target = name === 'help' ? rest[0] : undefined;
    const load = target === undefined ? undefined : commands[target];
    if (load) return (await load())(['--help'], io);
    io.stdout.write(`${MAIN_HELP}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr.write(`quadrant: unknown command "${name}"\n\n${MAIN_HELP}\n`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    const failure = outputFailure(error);
    if (failure) {
      if (failure.message) io.stderr.write(`${failure.message}\n`);
      return failure.status;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`quadrant ${name}: ${(error as Error).message}\nRun "quadrant help ${name}" for usage.\n`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof PlaybookError) {
      io.stderr.write(`quadrant: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
};
