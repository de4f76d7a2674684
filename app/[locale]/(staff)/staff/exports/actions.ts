'use server';
// Exports for investigators (issue 23 §1): request, approve (the second admin), decline.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { approveExport, declineExport, requestExport } from '@/lib/evidence/exports';
import type { ExportRequestInput } from '@/lib/validation/evidence';

const refresh = () => revalidatePath('/[locale]/staff/exports', 'page');

export const requestExportAction = defineAction({
  name: 'export.request',
  // The form's checkboxes arrive as "on" or not at all.
  schema: z.object({
    recipientName: z.string().default(''),
    recipientKey: z.string().default(''),
    testimonyIds: z.string().default(''),
    personIds: z.string().default(''),
    filterStatus: z.string().default(''),
    withPersonTestimonies: z.string().optional().transform((v) => v === 'on'),
    includeMessages: z.string().optional().transform((v) => v === 'on'),
  }),
  access: { permission: 'data.export' },
  keep: ['recipientName', 'recipientKey', 'testimonyIds', 'personIds', 'filterStatus'],
  handler: async (input, { viewer, db }) => {
    // requestExport validates with the shared schema itself (its field errors come back to the form).
    const created = await requestExport(db, viewer, input as ExportRequestInput);
    refresh();
    return created;
  },
});

const target = z.object({ exportId: z.uuid() });

export const approveExportAction = defineAction({
  name: 'export.approve',
  schema: target,
  access: { permission: 'data.export' },
  handler: async ({ exportId }, { viewer, db }) => {
    await approveExport(db, viewer, exportId);
    refresh();
    return { done: 'approved' as const };
  },
});

export const declineExportAction = defineAction({
  name: 'export.decline',
  schema: target,
  access: { permission: 'data.export' },
  handler: async ({ exportId }, { viewer, db }) => {
    await declineExport(db, viewer, exportId);
    refresh();
    return { done: 'declined' as const };
  },
});
