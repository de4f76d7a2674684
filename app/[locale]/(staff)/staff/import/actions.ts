'use server';
// CSV import (admin). Each step posts here and redirects to the page of the batch, which re-reads
// it from the database; the lib functions check `data.import` again themselves.
import { redirect, RedirectType } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { AppError } from '@/lib/errors';
import { createImportBatch, discardImport, saveImportMapping } from '@/lib/imports/batches';
import { importFields, type ColumnMapping } from '@/lib/imports/fields';
import { commitImport } from '@/lib/imports/run';
import { columnFieldName, importCommitSchema, importDiscardSchema, importMappingSchema, importUploadSchema } from '@/lib/validation/import';

const access = { permission: 'data.import' } as const;

export const uploadImportAction = defineAction({
  name: 'import.upload',
  schema: importUploadSchema,
  access,
  keep: ['collectionId'],
  handler: async ({ locale, collectionId }, { viewer, db, formData }) => {
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) throw new AppError('invalid_input', { fieldErrors: { file: 'required' } });
    const id = await createImportBatch(db, viewer, { collectionId, bytes: new Uint8Array(await file.arrayBuffer()) });
    redirect(`/${locale}/staff/import/${id}`);
  },
});

export const mapImportAction = defineAction({
  name: 'import.map',
  schema: importMappingSchema,
  access,
  handler: async (input, { viewer, db }) => {
    const columns: ColumnMapping = {};
    for (const field of importFields) {
      const value = input[columnFieldName(field)];
      if (value) columns[field] = Number(value);
    }
    const check = await saveImportMapping(db, viewer, input.batchId, { columns, defaultOutcome: input.defaultOutcome || null });
    // Each check lands on a page of its own (`?checked=`), which renders its dry run and says so.
    // Never only #dry-run on the page the form was on: the client router takes that for a scroll
    // and kept the page without the dry run, or with the previous one.
    redirect(`/${input.locale}/staff/import/${input.batchId}?checked=${check}#dry-run`, RedirectType.replace);
  },
});

export const commitImportAction = defineAction({
  name: 'import.commit',
  schema: importCommitSchema,
  access,
  handler: async ({ locale, batchId, includeDuplicates }, { viewer, db }) => {
    await commitImport(db, viewer, batchId, { includeDuplicates });
    redirect(`/${locale}/staff/import/${batchId}`);
  },
});

export const discardImportAction = defineAction({
  name: 'import.discard',
  schema: importDiscardSchema,
  access,
  handler: async ({ locale, batchId }, { viewer, db }) => {
    await discardImport(db, viewer, batchId);
    redirect(`/${locale}/staff/import`);
  },
});
