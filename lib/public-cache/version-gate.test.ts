import { describe, expect, it } from 'vitest';
import { versionGate } from './version-gate.mjs';

/** A database whose reads are answered by hand, recording when each started. */
function manualDatabase() {
  let version = 1;
  const reads: { startedAt: number; answer: () => void }[] = [];
  return {
    commit: () => void (version += 1),
    reads,
    read: () =>
      new Promise<number>((resolve) => {
        const startedAt = version;
        reads.push({ startedAt, answer: () => resolve(startedAt) });
      }),
  };
}

describe('the public data version gate', () => {
  it('never gives a request a read that started before it: a commit just before the request is seen', async () => {
    const db = manualDatabase();
    const gate = versionGate(db.read);
    const first = gate();
    db.commit(); // commits while the first read is in flight…
    const second = gate(); // …and this request starts after the commit
    expect(db.reads).toHaveLength(1);
    db.reads[0]!.answer();
    expect(await first).toBe(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(db.reads).toHaveLength(2);
    db.reads[1]!.answer();
    expect(await second).toBe(2);
  });

  it('serves every request that arrives during one read with one next read', async () => {
    const db = manualDatabase();
    const gate = versionGate(db.read);
    const first = gate();
    const waiting = Array.from({ length: 50 }, () => gate());
    db.reads[0]!.answer();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(db.reads).toHaveLength(2);
    db.reads[1]!.answer();
    expect(new Set(await Promise.all(waiting))).toEqual(new Set([1]));
  });

  it('lets a failed read fail only its own requests', async () => {
    let fail = true;
    const gate = versionGate(async () => {
      if (fail) throw new Error('database down');
      return 7;
    });
    await expect(gate()).rejects.toThrow('database down');
    fail = false;
    expect(await gate()).toBe(7);
  });
});
