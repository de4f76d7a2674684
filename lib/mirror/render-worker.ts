// A worker thread of the export's render pool (render-pool.ts): runs person jobs as they come.
import { parentPort, workerData } from 'node:worker_threads';
import { PageWriter, type PersonJob, type PersonJobContext, type PersonJobResult } from './person-job';

const writer = new PageWriter(workerData as PersonJobContext);

parentPort!.on('message', async ({ seq, jobs }: { seq: number; jobs: PersonJob[] }) => {
  try {
    const results: PersonJobResult[] = [];
    for (const job of jobs) results.push(await writer.run(job));
    parentPort!.postMessage({ seq, results });
  } catch (error) {
    parentPort!.postMessage({ seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
