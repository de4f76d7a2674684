// Message form schemas (the follow-up channel between moderators and a submitter), shared by the
// browser and the server actions. Messages are catalogue keys under `Validation`.
import { z } from './zod';

export const messageBodyMaxLength = 5000;

export const messageBodySchema = z
  .string()
  .trim()
  .min(1, 'required')
  // 'invalid': the Validation catalogue belongs to the accounts work; the form shows the limit itself.
  .max(messageBodyMaxLength, 'invalid');

export const messageFormSchema = z.object({
  testimonyId: z.uuid(),
  body: messageBodySchema,
});
export type MessageForm = z.output<typeof messageFormSchema>;
