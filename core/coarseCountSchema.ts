/** The shape of a coarse count in replies; what the numbers mean and how they are shown: ./coarseCount.ts. */
import { z } from 'zod';

export const coarseCountSchema = z.discriminatedUnion('exact', [
  z.object({ exact: z.literal(true), value: z.number().int().min(0) }),
  /** Somewhere in atLeast .. below − 1. "Fewer than 5" is { atLeast: 0, below: 5 }. */
  z.object({ exact: z.literal(false), atLeast: z.number().int().min(0), below: z.number().int().min(1) }),
]);
export type CoarseCount = z.infer<typeof coarseCountSchema>;
