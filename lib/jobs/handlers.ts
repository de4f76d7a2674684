// The registry of job kinds. A job kind is a stable string stored in the table: never rename one
// while jobs of it may be queued.
import type { Handlers } from './worker';
import { produceExportKind } from '@/lib/evidence/exports';
import { produceExport } from '@/lib/evidence/produce';
import { deleteMediaJob, deleteMediaKind } from '@/lib/media/delete';
import { processAttachmentJob, processAttachmentKind } from '@/lib/media/process';
import { emailNoticeJob } from '@/lib/notifications/kinds';
import { sendEmailNoticeJob } from '@/lib/notifications/email';

export const jobHandlers: Handlers = {
  [processAttachmentKind]: processAttachmentJob,
  [deleteMediaKind]: deleteMediaJob,
  [emailNoticeJob]: sendEmailNoticeJob,
  [produceExportKind]: async (payload, { db }) => {
    await produceExport(db, String(payload.exportId));
  },
};
