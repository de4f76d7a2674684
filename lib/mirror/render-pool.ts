// Where the export's per-person work (person-job.ts) runs: in its own thread, or spread over a
// pool of worker threads (the records are plain JSON; rendering two pages per person is most of a
// full export's time). Both give the same files; the pool is for large exports.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { PageWriter, type BrowseJob, type PageResult, type PersonJob, type PersonJobContext, type PersonJobResult } from './person-job';

export interface PageRenderer {
  run(jobs: PersonJob[]): Promise<PersonJobResult[]>;
  browse(jobs: BrowseJob[]): Promise<PageResult[]>;
  close(): Promise<void>;
}

export type Message = { seq: number } & ({ kind: 'person'; jobs: PersonJob[] } | { kind: 'browse'; jobs: BrowseJob[] });

/** Runs one message's jobs in order (here or in a worker). */
export async function runJobs(writer: PageWriter, message: Message): Promise<PersonJobResult[] | PageResult[]> {
  if (message.kind === 'browse') {
    const results: PageResult[] = [];
    for (const job of message.jobs) results.push(await writer.browse(job));
    return results;
  }
  const results: PersonJobResult[] = [];
  for (const job of message.jobs) results.push(await writer.run(job));
  return results;
}

export function inProcessRenderer(ctx: PersonJobContext): PageRenderer {
  const writer = new PageWriter(ctx);
  return {
    run: (jobs) => runJobs(writer, { seq: 0, kind: 'person', jobs }) as Promise<PersonJobResult[]>,
    browse: (jobs) => runJobs(writer, { seq: 0, kind: 'browse', jobs }) as Promise<PageResult[]>,
    async close() {},
  };
}

/** One worker per core by default (the database and this thread's reads run beside them). */
export const defaultWorkers = () => Math.max(1, os.availableParallelism());

type Results = PersonJobResult[] | PageResult[];
type Reply = { seq: number; results?: Results; error?: string };
type Slot = { worker: Worker; busy: number; waiting: Map<number, { resolve: (r: Results) => void; reject: (e: Error) => void }> };

export async function workerRenderer(ctx: PersonJobContext, size: number): Promise<PageRenderer> {
  let seq = 0;
  let failed: Error | null = null;
  const slots: Slot[] = Array.from({ length: Math.max(1, size) }, () => {
    // A CommonJS entry that loads the TypeScript worker through tsx (as the export command itself runs).
    const worker = new Worker(new URL('./render-worker.cjs', import.meta.url), { workerData: ctx, execArgv: [] });
    const slot: Slot = { worker, busy: 0, waiting: new Map() };
    worker.on('message', (reply: Reply) => {
      const waiting = slot.waiting.get(reply.seq);
      if (!waiting) return;
      slot.waiting.delete(reply.seq);
      slot.busy--;
      if (reply.error !== undefined) waiting.reject(new Error(`mirror render worker: ${reply.error}`));
      else waiting.resolve(reply.results!);
    });
    const fail = (error: Error) => {
      failed ??= error;
      for (const w of slot.waiting.values()) w.reject(error);
      slot.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`mirror render worker exited with ${code}`));
    });
    return slot;
  });
  const send = (message: Omit<Message, 'seq'>): Promise<Results> => {
    if (failed) return Promise.reject(failed);
    // The least busy worker takes the next jobs.
    const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = seq++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      slot.waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ ...message, seq: id });
    });
  };
  return {
    run: (jobs) => send({ kind: 'person', jobs }) as Promise<PersonJobResult[]>,
    browse: (jobs) => send({ kind: 'browse', jobs }) as Promise<PageResult[]>,
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
