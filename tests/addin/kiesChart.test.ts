/** The task pane's lever matrix (chart.js config) and reading the Kies table back, without Excel. */
import { buildLeverMatrixChart, type MatrixPoint } from '../../addin/charts/leverMatrixChart';
import { matrixPlugin } from '../../addin/charts/matrixPlugin';
import { COLORS } from '../../addin/charts/palette';
import { sheetTextsFor } from '../../addin/i18n';
import {
  amoForChosen,
  KIES_COLUMNS,
  kiesHeader,
  mapKiesHeader,
  parseKiesRows,
  type KiesSheetLever,
} from '../../core/sheets/kiesLayout';
import { QUADRANT_THRESHOLD } from '../../core/levers/scoring';
import { kiesFixture } from './kiesFixtures';

const texts = {
  title: 'Matrix',
  yours: 'Uw scores',
  mt: 'MT',
  border: 'Grens',
  impact: 'Impact',
  feasibility: 'Haalbaarheid',
};
const lever = (
  number: number,
  impact: number | null,
  feasibility: number | null,
  extra: Partial<KiesSheetLever> = {},
): KiesSheetLever => ({
  leverId: `lever-${number}`,
  number,
  title: `Maatregel ${number}`,
  impact,
  feasibility,
  chosen: false,
  mtImpact: null,
  mtFeasibility: null,
  ...extra,
});

describe('buildLeverMatrixChart', () => {
  test('scored levers as points (x feasibility, y impact); levers on one spot share a labelled point', () => {
    const { config, rows } = buildLeverMatrixChart(
      [lever(1, 5, 4, { chosen: true }), lever(2, 2, 2), lever(3, 5, 4), lever(4, null, 3), lever(5, 4, null)],
      'nl',
      texts,
    );
    expect(config.type).toBe('scatter');
    const [yours, mt, vertical, horizontal] = config.data.datasets as Array<{
      data: MatrixPoint[];
      label?: string;
      backgroundColor?: unknown;
      pointRadius?: unknown;
    }>;
    expect(yours!.label).toBe('Uw scores');
    expect(yours!.data).toEqual([
      { x: 4, y: 5, label: '1, 3', titles: ['1. Maatregel 1', '3. Maatregel 3'] },
      { x: 2, y: 2, label: '2', titles: ['2. Maatregel 2'] },
    ]);
    // Chosen levers are filled; a shared point is larger.
    expect(yours!.backgroundColor).toEqual([COLORS.adviser, '#FFFFFF']);
    expect(yours!.pointRadius).toEqual([7, 5]);
    expect(mt!.data).toEqual([]);
    expect(vertical!.data.map(({ x, y }) => [x, y])).toEqual([
      [QUADRANT_THRESHOLD, 1],
      [QUADRANT_THRESHOLD, 5],
    ]);
    expect(horizontal!.data.map(({ x, y }) => [x, y])).toEqual([
      [1, QUADRANT_THRESHOLD],
      [5, QUADRANT_THRESHOLD],
    ]);
    expect(config.options?.scales?.x).toMatchObject({ min: 1, max: 5, title: { text: 'Haalbaarheid' } });
    expect(config.options?.scales?.y).toMatchObject({ min: 1, max: 5, title: { text: 'Impact' } });
    expect(config.options?.plugins?.koersMatrix).toMatchObject({
      labelDatasets: [0, 1],
      quadrants: { topRight: 'Nu doen', topLeft: 'Plannen', bottomRight: 'Snel resultaat', bottomLeft: 'Laten rusten' },
    });
    expect(config.plugins).toEqual([matrixPlugin]);
    expect(rows).toEqual([
      { number: '1', title: 'Maatregel 1', impact: 5, feasibility: 4, quadrant: 'Nu doen', chosen: true },
      { number: '2', title: 'Maatregel 2', impact: 2, feasibility: 2, quadrant: 'Laten rusten', chosen: false },
      { number: '3', title: 'Maatregel 3', impact: 5, feasibility: 4, quadrant: 'Nu doen', chosen: false },
    ]);
  });

  test('MT means appear as their own points, rounded; English quadrant names in English', () => {
    const { config } = buildLeverMatrixChart(
      [lever(1, null, null, { mtImpact: 10 / 3, mtFeasibility: 4 })],
      'en',
      texts,
    );
    const mt = config.data.datasets[1]!.data as MatrixPoint[];
    expect(mt).toEqual([{ x: 4, y: 3.33, label: '1', titles: ['1. Maatregel 1'] }]);
    expect(config.options?.plugins?.koersMatrix?.quadrants?.topRight).toBe('Do now');
  });
});

describe('reading the Kies table back', () => {
  const nl = sheetTextsFor('nl');
  const en = sheetTextsFor('en');

  test('headers are found in either language and in any order', () => {
    const english = KIES_COLUMNS.map(({ key }) => kiesHeader(key, en)).reverse();
    const map = mapKiesHeader(english);
    expect(map.id).toBe(english.length - 1);
    expect(map.feasibility).toBe(english.indexOf('Feasibility (1–5)'));
    expect(mapKiesHeader(KIES_COLUMNS.map(({ key }) => kiesHeader(key, nl))).chosen).toBe(
      KIES_COLUMNS.findIndex((c) => c.key === 'chosen'),
    );
  });

  test('rows without an id (typed by hand) are skipped; each id counts once', () => {
    const header = ['ID', 'Nr.', 'Maatregel', 'Impact (1–5)', 'Haalbaarheid (1–5)', 'Gekozen'];
    const { levers, kept } = parseKiesRows(header, [
      ['a', 1, 'A', 4, 4, 'Ja'],
      ['', 2, 'Eigen regel', 5, 5, 'Ja'],
      ['a', 3, 'A again', 1, 1, 'Nee'],
      ['b', 4, 'B', ' 3 ', 0, 'Yes'],
    ]);
    expect(levers.map((l) => [l.leverId, l.impact, l.feasibility, l.chosen])).toEqual([
      ['a', 4, 4, true],
      ['b', 3, null, true],
    ]);
    expect(kept.get('b')).toEqual({ impact: ' 3 ', feasibility: 0, chosen: 'Yes' });
    expect(parseKiesRows(['Maatregel'], [['x']]).levers).toEqual([]);
  });

  test("the AMO check counts only chosen, active levers and offers the organisation's own", () => {
    const { levers } = kiesFixture();
    const ability = levers.find((l) => !l.retired && l.amo.length === 1 && l.amo[0] === 'ability')!;
    const coverage = amoForChosen([ability.id, ability.id, 'onbekend'], levers);
    expect(coverage.covered).toEqual(['ability']);
    expect(coverage.missing).toEqual(['motivation', 'opportunity']);
    expect(coverage.message.nl).toMatch(/^Geen gekozen maatregel werkt aan Willen/);
    const offered = coverage.suggestions.flatMap((s) => s.leverIds);
    expect(offered.every((id) => levers.some((l) => l.id === id && !l.retired))).toBe(true);
  });
});
