import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep } from '../../src/lib/sleep.js';

/**
 * Real servers for the store tests, each on a free loopback port in its own temp dir, so parallel
 * test files (and other engineers' runs) never share one. A missing binary fails the test loudly.
 */

const INSTALL_HINT = 'Install it with: apt-get install -y redis-server postgresql';

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

const findBinary = (name: string): string => {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir !== '' && existsSync(join(dir, name))) return join(dir, name);
  }
  const pgRoot = '/usr/lib/postgresql';
  if (existsSync(pgRoot)) {
    for (const version of readdirSync(pgRoot).sort().reverse()) {
      const candidate = join(pgRoot, version, 'bin', name);
      if (existsSync(candidate)) return candidate;
    }
  }
  throw new Error(`${name} was not found on this machine. ${INSTALL_HINT}`);
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
  const binary = findBinary('redis-server');
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

export type PostgresServer = { url: string; stop(): Promise<void> };

/**
 * Starts a throwaway PostgreSQL cluster (initdb into a temp dir, trust auth on loopback, fsync off
 * for speed). PostgreSQL refuses to run as root, so it runs as the `postgres` OS user when we are root.
 */
export const startPostgres = async (fixedPort?: number): Promise<PostgresServer> => {
  const initdb = findBinary('initdb');
  const postgres = findBinary('postgres');
  const port = fixedPort ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'quadrant-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const as = (command: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const data = join(dir, 'data');
  const [initCmd, initArgs] = as(initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  execFileSync(initCmd, initArgs, { stdio: 'ignore' });
  const [runCmd, runArgs] = as(postgres, [
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
  ]);
  const child = spawn(runCmd, runArgs, { stdio: 'ignore' });
  await waitForPort(port, 60_000, child, 'postgres');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      // runuser does not forward signals: stop the postmaster itself (fast shutdown) by its pid file.
      const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGINT');
      await stopChild(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
