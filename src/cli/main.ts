import { ConfigError } from '../config.js';
import { PlaybookError } from '../domain/playbook.js';
import { runChatCommand } from './chat-command.js';
import { runClassifyCommand } from './classify-command.js';
import { runEvalCommand } from './eval-command.js';
import { type Command, type CommandIo, UsageError } from './io.js';
import { runLogCommand } from './log-command.js';
import { runPlaybookCommand } from './playbook-command.js';

export const MAIN_HELP = `quadrant: classify client relationships and look up the four-type playbook.

Usage:
  quadrant classify "TEXT" [--json]      classify one description (or --jsonl for a batch on stdin)
  quadrant playbook [TYPE|KEYWORD]       the playbook, one type, or actions matching a keyword
  quadrant eval FILE.jsonl [--llm]       score the classifier on labelled cases
  quadrant log list|export|stats|purge   the decision log (see quadrant help log)
  quadrant chat                          the Slack conversation, in the terminal
  quadrant help COMMAND                  help for one command

Run "npm start" for the Slack app (or the local playground when no Slack tokens are set).`;

const commands: Record<string, Command> = {
  classify: runClassifyCommand,
  playbook: runPlaybookCommand,
  eval: runEvalCommand,
  log: runLogCommand,
  chat: runChatCommand,
};

/** Runs the CLI with injected streams; returns the exit status (2 for usage and config errors). */
export const runCli = async (argv: string[], io: CommandIo): Promise<number> => {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const target = name === 'help' ? rest[0] : undefined;
    const command = target === undefined ? undefined : commands[target];
    if (command) return command(['--help'], io);
    io.stdout.write(`${MAIN_HELP}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`quadrant: unknown command "${name}"\n\n${MAIN_HELP}\n`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
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
