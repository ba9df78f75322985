import { roundComparisonSchema } from '../comparison';
import { roundCommentsSchema, roundResultsSchema } from '../results';

/** GET /api/rounds/:id/results */
export const resultsReplySchema = roundResultsSchema;
/** GET /api/rounds/:id/comments */
export const commentsReplySchema = roundCommentsSchema;
/** GET /api/rounds/:id/comparison */
export const comparisonReplySchema = roundComparisonSchema;
