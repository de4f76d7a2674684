// A worker thread of the export's render pool (render-pool.ts): runs jobs as they come.
import { parentPort, workerData } from 'node:worker_threads';
import { PageWriter, type PersonJobContext } from './person-job';
import { runJobs, type Message } from './render-pool';

const writer = new PageWriter(workerData as PersonJobContext);

parentPort!.on('message', async (message: Message) => {
  try {
    parentPort!.postMessage({ seq: message.seq, results: await runJobs(writer, message) });
  } catch (error) {
    parentPort!.postMessage({ seq: message.seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
