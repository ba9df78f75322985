import { toStoredAnswers } from '../../core/response';
import { surveySchema } from '../../core/survey';

const text = (t: string) => ({ nl: t, en: t });
const survey = surveySchema.parse({
  id: 's',
  organisationId: null,
  builtIn: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  title: text('Peiling'),
  sections: [
    {
      id: 'een',
      title: text('Een'),
      statements: [
        { id: 'a', text: text('A') },
        { id: 'b', text: text('B') },
      ],
    },
    { id: 'twee', title: text('Twee'), statements: [{ id: 'c', text: text('C') }] },
  ],
  groups: [{ id: 'leraren', name: text('Leraren') }],
});

describe('toStoredAnswers', () => {
  it('stores answers in the survey order, whatever order they came in, leaving out unanswered ones', () => {
    const result = toStoredAnswers(survey, [
      { statementId: 'c', current: 1, desired: null },
      { statementId: 'a', current: 2, desired: 4 },
    ]);
    expect(result).toEqual({ ok: true, answers: { a: [2, 4], c: [1, null] } });
    expect(result.ok && Object.keys(result.answers)).toEqual(['a', 'c']);
  });

  it('names the first problem: unknown statement, a statement twice, a rating off the scale', () => {
    expect(toStoredAnswers(survey, [{ statementId: 'x', current: 1, desired: 1 }])).toEqual({
      ok: false,
      problem: { kind: 'unknownStatement', statementId: 'x' },
    });
    expect(
      toStoredAnswers(survey, [
        { statementId: 'a', current: 1, desired: 1 },
        { statementId: 'a', current: 2, desired: 2 },
      ]),
    ).toEqual({ ok: false, problem: { kind: 'duplicateStatement', statementId: 'a' } });
    expect(toStoredAnswers(survey, [{ statementId: 'b', current: 0, desired: 3 }])).toEqual({
      ok: false,
      problem: { kind: 'outOfScale', statementId: 'b', min: 1, max: 5 },
    });
  });
});
