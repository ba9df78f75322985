import { roundResultsSchema, type Cell, type RoundResults } from '../../../core/results';

/** A published cell whose means are built around the given gap (desired − current). */
export function shown(gap: number, actionGap = 1): Cell {
  const meanCurrent = 2.5;
  return {
    status: 'shown',
    n: 12,
    meanCurrent,
    meanDesired: meanCurrent + gap,
    gap,
    sdCurrent: 0.8,
    sdDesired: 0.7,
    sdGap: 0.9,
    ciLow: gap - 0.5,
    ciHigh: gap + 0.5,
    actionNeeded: gap >= actionGap,
    current: { counts: [1, 5, 4, 2, 0], dontKnow: 0 },
    desired: { counts: [0, 1, 3, 5, 3], dontKnow: 0 },
  };
}

export const suppressed: Cell = { status: 'suppressed' };

/**
 * Results of an SHRM round (section and statement ids as in core/instruments/shrm.ts) with one group too small to show. Section gaps: deepening 1.4 (action
 * needed), mapping 0.8, internal 0.4, broadening −0.2 (desired below current), external suppressed (too few rated it; most answered "weet niet").
 * One statement in deepening has a gap of 1.8; one statement in external is suppressed.
 */
export function shrmResults(): RoundResults {
  const results: RoundResults = {
    roundId: 'r1',
    roundName: 'Voorjaar 2025',
    surveyId: 'shrm',
    surveyTitle: { nl: 'SHRM-zelfevaluatie', en: 'SHRM self-evaluation' },
    status: 'closed',
    anonymityThreshold: 5,
    actionGap: 1,
    scale: { min: 1, max: 5 },
    commentThreshold: 5,
    responses: {
      total: { exact: false, atLeast: 27, below: 32 },
      shown: 27,
      notShown: { exact: false, atLeast: 0, below: 5 },
    },
    release: { mode: 'atClose', state: 'final' },
    groups: [
      {
        id: 'leraren',
        name: { nl: 'Leraren', en: 'Teachers' },
        kind: 'group',
        status: 'shown',
        responses: 27,
        comments: 0,
        commentsShown: true,
      },
      {
        id: 'po-hr',
        name: { nl: 'P&O / HR', en: 'HR department' },
        kind: 'group',
        status: 'suppressed',
        reason: { code: 'belowThreshold' },
        responses: { exact: false, atLeast: 0, below: 5 },
      },
    ],
    priorities: { scenario: 'none', first: [], ranked: [] },
    sections: [
      section('internal', 'Interne situatie', 'Internal situation', shown(0.4)),
      section('external', 'Externe situatie', 'External situation', suppressed),
      section('mapping', 'Het thema in kaart', 'Mapping the theme', shown(0.8)),
      section('deepening', 'Verdieping', 'Going deeper', shown(1.4)),
      section('broadening', 'Verbreding', 'The wider picture', shown(-0.2)),
    ],
    statements: [
      {
        statementId: 'deep-guidance',
        sectionId: 'deepening',
        text: {
          nl: 'Medewerkers krijgen begeleiding die past bij hun situatie en ervaring.',
          en: 'Staff get guidance that suits their situation and experience.',
        },
        overall: shown(1.8),
        byGroup: { leraren: shown(1.8), 'po-hr': suppressed },
      },
      {
        statementId: 'ext-partners',
        sectionId: 'external',
        text: {
          nl: 'Voor het thema werkt de school goed samen met lerarenopleidingen, andere scholen en partners in de regio.',
          en: 'For the theme, the school works well with teacher-training institutes, other schools and partners in the region.',
        },
        overall: suppressed,
        byGroup: { leraren: suppressed, 'po-hr': suppressed },
      },
    ],
  };
  // The fixture must be what the API could really send.
  return roundResultsSchema.parse(results);
}

function section(sectionId: string, nl: string, en: string, overall: Cell) {
  return { sectionId, title: { nl, en }, overall, byGroup: { leraren: overall, 'po-hr': suppressed } };
}
