import { randomBytes } from 'node:crypto';
import { seededRandom } from './random';
import { shrmAnswers } from './shrmAnswers';

/**
 * Complete POST /api/responses bodies, one per code, as the respondent form sends them: all 36
 * statements, a submissionId, and a comment on one in ten.
 */
export function submissionBodies(codes: readonly string[], seed = 99): string[] {
  const random = seededRandom(seed);
  return codes.map((code, i) =>
    JSON.stringify({
      code,
      answers: shrmAnswers(random),
      submissionId: randomBytes(12).toString('hex'),
      ...(i % 10 === 0 ? { comment: `Bench opmerking ${i}: het rooster laat weinig ruimte.` } : {}),
    }),
  );
}
