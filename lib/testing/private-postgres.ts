// A throwaway PostgreSQL cluster of a test's own, for tests that stop or kill the database
// (outage, crash safety, backups). The machine's shared server on 127.0.0.1:5432 is used by other
// runs and CI and must never be stopped. The cluster listens on 127.0.0.1 only, keeps its socket in
// its own folder under /tmp, and is removed by `remove()`. Needs the PostgreSQL server binaries
// (`pg_ctl`, `initdb`); when run as root, initdb and the server run as the `postgres` user.
// Relative imports only: Playwright tests import this file too.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type PrivateCluster = {
  port: number;
  /** Folder of the cluster (data folder and socket folder inside). */
  folder: string;
  /** `postgres://postgres@127.0.0.1:<port>/<database>` */
  url(database?: string): string;
  /** Starts the server and waits until it accepts connections. */
  start(): void;
  /** `pg_ctl stop -m immediate`: like a power cut, no checkpoint, crash recovery on the next start. */
  stopImmediately(): void;
  isRunning(): boolean;
  /** Stops the server (if running) and deletes the folder. */
  remove(): void;
};

/** The server binaries of the highest installed major version (Debian layout), else those on PATH. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const majors = fs
      .readdirSync(root)
      .filter((name) => /^\d+$/.test(name) && fs.existsSync(path.join(root, name, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (majors[0]) return path.join(root, majors[0], 'bin');
  }
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  return onPath ? path.dirname(onPath) : undefined;
}

export function canRunPrivateCluster(): boolean {
  const bin = postgresBinDir();
  return !!bin && fs.existsSync(path.join(bin, 'initdb'));
}

const isRoot = () => process.getuid?.() === 0;

/** A server binary's command line, as `postgres` when we are root (initdb and postgres refuse root). */
function asOwner(bin: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

function runAsOwner(bin: string, args: string[]) {
  return execFileSync(...asOwner(bin, args), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Creates (initdb) a cluster on `port` (loopback only, trust authentication, superuser `postgres`). */
export function createPrivateCluster(port: number): PrivateCluster {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries (pg_ctl, initdb) not found');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `yadman-pg-${port}-`));
  const dataDir = path.join(folder, 'data');
  const socketDir = path.join(folder, 'socket');
  const logFile = path.join(folder, 'server.log');
  fs.mkdirSync(socketDir);
  if (isRoot()) execFileSync('chown', ['-R', 'postgres:postgres', folder]);
  runAsOwner(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  fs.appendFileSync(
    path.join(dataDir, 'postgresql.conf'),
    [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${socketDir}'`,
      'max_connections = 200',
      'fsync = on', // crash tests rely on what a real server keeps after a power cut
      '',
    ].join('\n'),
  );
  const pgCtl = (args: string[]) => runAsOwner(path.join(bin, 'pg_ctl'), ['-D', dataDir, ...args]);
  const cluster: PrivateCluster = {
    port,
    folder,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start() {
      pgCtl(['start', '-w', '-t', '60', '-l', logFile]);
    },
    stopImmediately() {
      pgCtl(['stop', '-m', 'immediate', '-w']);
    },
    isRunning() {
      return spawnSync(...asOwner(path.join(bin, 'pg_ctl'), ['-D', dataDir, 'status'])).status === 0;
    },
    remove() {
      if (cluster.isRunning()) cluster.stopImmediately();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
  return cluster;
}
