import { z } from 'zod';

/** A school or a school board; every admin resource belongs to exactly one. */
export const organisationSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  createdAt: z.string(),
});
export type Organisation = z.infer<typeof organisationSchema>;
