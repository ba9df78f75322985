import { buildSectionGapChart } from '../../addin/charts/gapChart';
import { buildGroupChart } from '../../addin/charts/groupChart';
import { COLORS } from '../../addin/charts/palette';
import type { ShownCell } from '../../core/results';
import { buildFixture } from './fixtures';

const fixture = buildFixture();
const gapTexts = { title: 'Verschil per onderdeel', gap: 'Verschil', section: 'Onderdeel' };
const groupTexts = { title: 'Per groep', current: 'Huidig', desired: 'Gewenst', group: 'Groep' };

describe('buildSectionGapChart', () => {
  test('one horizontal bar per section with its mean gap, red from the action threshold on', () => {
    const { config, table } = buildSectionGapChart(fixture.results, 'nl', gapTexts);
    expect(config.type).toBe('bar');
    expect(config.options?.indexAxis).toBe('y');
    expect(config.data.labels).toEqual(fixture.results.sections.map((s) => s.title.nl));
    const expected = fixture.results.sections.map((s) => Math.round((s.overall as ShownCell).gap! * 100) / 100);
    expect(config.data.datasets[0]!.data).toEqual(expected);
    expect(config.data.datasets[0]!.backgroundColor).toEqual(
      expected.map((gap) => (gap >= fixture.results.actionGap ? COLORS.gapActionNeeded : COLORS.gap)),
    );
    expect(config.options?.plugins?.title).toMatchObject({ display: true, text: 'Verschil per onderdeel' });
    expect(table.columns).toEqual(['Onderdeel', 'Verschil']);
    expect(table.rows.map((r) => r[1])).toEqual(expected);
  });

  test('sections without published figures are left out, not drawn as zero', () => {
    const results = structuredClone(fixture.results);
    results.sections[1]!.overall = { status: 'suppressed' };
    const { config } = buildSectionGapChart(results, 'en', gapTexts);
    expect(config.data.labels).toHaveLength(results.sections.length - 1);
    expect(config.data.labels).not.toContain(results.sections[1]!.title.en);
  });
});

describe('buildGroupChart', () => {
  test('current and desired side by side for each shown group; suppressed groups are absent', () => {
    const { config, table } = buildGroupChart(fixture.results, 'nl', groupTexts);
    const shownGroups = fixture.results.groups.filter((g) => g.status === 'shown');
    expect(config.options?.indexAxis).toBe('y');
    // Long names are shortened on the axis; the table for screen readers keeps them whole.
    expect(config.data.labels).toEqual(
      shownGroups.map((g) => (g.name.nl.length > 24 ? expect.stringMatching(/…$/) : g.name.nl)),
    );
    expect(table.rows.map((row) => row[0])).toEqual(shownGroups.map((g) => g.name.nl));
    expect(config.data.datasets.map((d) => d.label)).toEqual(['Huidig', 'Gewenst']);
    const leraren = shownGroups.findIndex((g) => g.id === 'leraren');
    const cells = fixture.results.statements.map((s) => s.byGroup.leraren as ShownCell);
    const mean = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
    expect(config.data.datasets[0]!.data[leraren]).toBe(mean(cells.map((c) => c.meanCurrent!)));
    expect(config.data.datasets[1]!.data[leraren]).toBe(mean(cells.map((c) => c.meanDesired!)));
    expect(config.options?.scales?.x).toMatchObject({ min: fixture.results.scale.min, max: fixture.results.scale.max });
    expect(table.rows).toHaveLength(shownGroups.length);
  });
});
