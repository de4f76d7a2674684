'use server';
// Collections (admin). The lib functions check `collection.manage` again themselves.
import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { createCollection, updateCollection } from '@/lib/collections/manage';
import { collectionFormFields, collectionFormSchema } from '@/lib/validation/collection';

export const saveCollectionAction = defineAction({
  name: 'collection.save',
  schema: collectionFormSchema,
  access: { permission: 'collection.manage' },
  keep: collectionFormFields,
  handler: async ({ locale, collectionId, ...input }, { viewer, db }) => {
    if (collectionId) await updateCollection(db, viewer, collectionId, input);
    else await createCollection(db, viewer, input);
    // The page re-renders from the database, with or without JavaScript.
    redirect(`/${locale}/staff/collections?saved=1`);
  },
});
