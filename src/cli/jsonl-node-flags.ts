/**
 * The Node flags `classify --jsonl` runs under, and the argv that restarts the CLI with them.
 *
 * Each line's short-lived objects are born in V8's young generation, two semi-spaces. V8 grows the
 * semi-spaces once enough bytes have survived its scavenges, up to a ceiling fixed at start-up, and
 * keeps what it has committed. Node 20 and 22 stop a semi-space at 16 MB; Node 24 lets it reach 64 MB.
 * A long batch survives enough bytes sooner or later, so on Node 24 RSS stepped up by 12-30 MB at
 * some line after warm-up, a line that changed from run to run. Capping the semi-space at Node 20's
 * own 16 MB keeps RSS flat on every version without costing throughput.
 *
 * The ceiling can only be set when the process starts, so `bin/quadrant.js` replaces its own process
 * image with `process.execve` (same pid, same stdio, nothing read yet) where Node has it.
 */
export const JSONL_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];

/** An operator's own heap sizing wins: with any of these set, the CLI runs as it was started. */
const HEAP_SIZING_FLAG = /^--max[-_](?:semi[-_]space|old[-_]space|heap)[-_]size(?:=|$)/;

export type NodeStart = {
  /** `process.execPath`. */
  execPath: string;
  /** `process.execArgv`: the Node flags given on the command line. */
  execArgv: readonly string[];
  /** `process.argv`: node, the script, then the CLI's own arguments. */
  argv: readonly string[];
  /** The NODE_OPTIONS environment variable, whose flags also apply to the restarted process. */
  nodeOptions: string | undefined;
};

const isJsonlRun = (cliArgs: readonly string[]): boolean => {
  const [command, ...rest] = cliArgs;
  if (command !== 'classify') return false;
  const end = rest.indexOf('--');
  return (end === -1 ? rest : rest.slice(0, end)).includes('--jsonl');
};

/**
 * The full argv (argv[0] first, as `process.execve` takes it) that runs this CLI again under
 * JSONL_NODE_FLAGS, or null when the process already runs as it should: another command, the flags
 * already given, or heap sizes the operator chose.
 */
export const jsonlRestartArgv = (start: NodeStart): string[] | null => {
  const [, script, ...cliArgs] = start.argv;
  if (script === undefined || !isJsonlRun(cliArgs)) return null;
  const given = [...start.execArgv, ...(start.nodeOptions ?? '').split(/\s+/)];
  if (given.some((flag) => HEAP_SIZING_FLAG.test(flag))) return null;
  return [start.execPath, ...start.execArgv, ...JSONL_NODE_FLAGS, script, ...cliArgs];
};
