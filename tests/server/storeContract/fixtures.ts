/** Pure fixtures shared by the store contract and the file store's own tests: nothing here knows a store. */
import { surveyInputSchema } from '../../../core/survey';
import { StoreError } from '../../../server/store/contract';

/** A small survey: two statements in one section, two groups (leraren, oop). */
export const contractSurvey = surveyInputSchema.parse({
  title: { nl: 'Contractvragenlijst', en: 'Contract survey' },
  scale: { min: 1, max: 5 },
  sections: [
    {
      id: 'werk',
      title: { nl: 'Werk', en: 'Work' },
      statements: [
        { id: 's1', text: { nl: 'Stelling een', en: 'Statement one' } },
        { id: 's2', text: { nl: 'Stelling twee', en: 'Statement two' } },
      ],
    },
  ],
  groups: [
    { id: 'leraren', name: { nl: 'Leraren', en: 'Teachers' } },
    { id: 'oop', name: { nl: 'OOP', en: 'Support staff' } },
  ],
});

/** The StoreError code a call is refused with; fails when it succeeds or throws something else. */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StoreError) return error.code;
    throw error;
  }
  throw new Error('expected a StoreError, but the call succeeded');
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
