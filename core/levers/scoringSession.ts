import { z } from 'zod';
import { slugSchema, type LocalizedText } from '../text';
import type { AmoFactor, Lever, LeverCluster } from './lever';
import { scoreInputSchema, type LeverScoreSummary, type ScoreInput } from './scoring';

/** More levers than this is no longer a choice an MT can score in one sitting. */
export const MAX_SESSION_LEVERS = 60;
/** A management team, not a staff survey: personal links per session. */
export const MAX_SESSION_RATERS = 30;

/** POST /api/rounds/:id/scoring: which levers the MT scores, and how many personal links to make. */
export const scoringSessionInputSchema = z
  .object({
    leverIds: z
      .array(slugSchema)
      .min(1, { message: 'choose at least one lever' })
      .max(MAX_SESSION_LEVERS)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'list each lever once' }),
    raters: z.number().int().min(1).max(MAX_SESSION_RATERS),
  })
  .strict();
export type ScoringSessionInput = z.infer<typeof scoringSessionInputSchema>;

/** One rater's scores: POST /api/scoring/:token and POST /api/rounds/:id/scoring/adviser. */
export const scoreSubmissionSchema = z
  .object({
    scores: z
      .array(scoreInputSchema)
      .min(1, { message: 'score at least one lever' })
      .max(MAX_SESSION_LEVERS)
      .refine((scores) => new Set(scores.map((s) => s.leverId)).size === scores.length, {
        message: 'score each lever once',
      }),
  })
  .strict();
export type ScoreSubmission = z.infer<typeof scoreSubmissionSchema>;

export type ScoringSessionStatus = 'open' | 'closed';

/** A lever as the MT scoring page shows it: texts in both languages, no ownership details. */
export interface ScoringPageLever {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  cluster: { id: LeverCluster; name: LocalizedText };
  amo: Array<{ factor: AmoFactor; name: LocalizedText }>;
}

/** GET /api/scoring/:token: everything the scoring page needs, in both languages. */
export interface ScoringPagePayload {
  round: { name: string };
  session: { status: ScoringSessionStatus };
  levers: ScoringPageLever[];
  /** This link's earlier scores (empty before the first submission), so a member can change them. */
  scores: ScoreInput[];
}

/** One lever of GET /api/rounds/:id/scoring. */
export interface ScoringSessionLever {
  leverId: string;
  lever: Lever;
  /** Null until someone has scored the lever. */
  summary: LeverScoreSummary | null;
  /** Remarks of all raters, sorted as text so their order says nothing about who wrote them. */
  remarks: string[];
}

/** GET /api/rounds/:id/scoring (and the replies of close and adviser). */
export interface ScoringSessionView {
  sessionId: string;
  roundId: string;
  status: ScoringSessionStatus;
  createdAt: string;
  closedAt?: string;
  raters: {
    /** Personal links made for the session. */
    links: number;
    /** Links whose scores have arrived. */
    submitted: number;
    /** Whether the adviser's own scores count as one more rater. */
    adviser: boolean;
  };
  levers: ScoringSessionLever[];
}

/** POST /api/rounds/:id/scoring: the personal links are shown once; only their hashes are kept. */
export interface ScoringSessionCreated extends ScoringSessionView {
  links: string[];
}
