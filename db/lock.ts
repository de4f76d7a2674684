// PGlite has no multi-process protection: two processes on one data folder both open it and one's
// writes are silently lost. This exclusive lock file makes the second process fail loudly instead.
import fs from 'node:fs';
import path from 'node:path';

export const lockFileName = 'yadman.lock';

/** True when a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

const heldInThisProcess = new Set<string>();

/**
 * Takes the lock on `dir` (created if missing) and returns a release function. A lock left by a
 * dead process is taken over. A lock carrying our own pid is stale too: it can only come from an
 * earlier run that reused our pid (containers start every run as the same pid), because within this
 * process we track held locks ourselves.
 */
export function acquireDataDirLock(dir: string): () => void {
  const folder = path.resolve(dir);
  const file = path.join(folder, lockFileName);
  if (heldInThisProcess.has(folder)) {
    throw new Error(`data folder ${folder} is already open in this process`);
  }
  fs.mkdirSync(folder, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      heldInThisProcess.add(folder);
      return release(folder, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readPid(file);
    if (owner !== null && owner !== process.pid && isProcessAlive(owner)) {
      throw new Error(
        `data folder ${folder} is in use by process ${owner}; stop it, or use another YADMAN_DATA_DIR`,
      );
    }
    // Stale (dead owner, our recycled pid, or unreadable): remove and retry the exclusive create,
    // so that of two processes taking over at once only one wins.
    fs.rmSync(file, { force: true });
  }
  throw new Error(`could not take the lock on data folder ${folder}`);
}

function release(folder: string, file: string): () => void {
  let released = false;
  const run = () => {
    if (released) return;
    released = true;
    heldInThisProcess.delete(folder);
    process.off('exit', run);
    // Only remove the file if it is still ours (never another process's fresh lock).
    if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
  };
  // 'exit' also fires on process.exit() (Next calls it on SIGTERM). A kill -9 leaves the file
  // behind, which the stale-pid takeover above handles.
  process.on('exit', run);
  return run;
}
