import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from './client';
import { acquireDataDirLock, isProcessAlive, lockFileName } from './lock';

const folders: string[] = [];
function tempFolder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yadman-lock-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A pid that certainly belonged to a process which has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(child.stdout);
  expect(isProcessAlive(pid)).toBe(false);
  return pid;
}

describe('PGlite data folder lock', () => {
  it('refuses a folder locked by another live process', () => {
    const dir = tempFolder();
    fs.writeFileSync(path.join(dir, lockFileName), `${process.ppid}\n`);
    expect(() => acquireDataDirLock(dir)).toThrow(`data folder ${dir} is in use by process ${process.ppid}`);
    expect(fs.readFileSync(path.join(dir, lockFileName), 'utf8').trim()).toBe(String(process.ppid));
  });

  it('takes over a stale lock left by a dead process, and releases it', () => {
    const dir = tempFolder();
    fs.writeFileSync(path.join(dir, lockFileName), `${deadPid()}\n`);
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, lockFileName), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, lockFileName))).toBe(false);
  });

  it('refuses a second open of the same folder within this process', () => {
    const dir = tempFolder();
    const release = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow('already open in this process');
    release();
    acquireDataDirLock(dir)();
  });

  it('refuses a folder held by a running child process, then takes over once it is killed', async () => {
    const dir = tempFolder();
    const holder = `import { acquireDataDirLock } from ${JSON.stringify(path.resolve('db/lock.ts'))};
      acquireDataDirLock(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', holder], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
        child.on('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
      });
      await expect(createDb({ driver: 'pglite', dataDir: dir })).rejects.toThrow(`in use by process ${child.pid}`);
    } finally {
      child.kill('SIGKILL'); // no exit handlers run: the lock file stays behind, stale
      await new Promise((resolve) => child.once('exit', resolve));
    }
    expect(fs.existsSync(path.join(dir, lockFileName))).toBe(true);
    const release = acquireDataDirLock(dir);
    release();
  });
});
