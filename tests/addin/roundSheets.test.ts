/**
 * The round flow's Excel code on the fake workbook: the Uitnodigingen table (kept across writes,
 * since the sheet is the only copy of the codes), the Respons sheet with coarse counts, and the
 * Vragenlijst template read back, checked per row and marked as published.
 */
import { builtInSurveys } from '../../core/instruments';
import {
  parseQuestionnaire,
  problemFromServer,
  questionnaireTemplate,
  STATEMENT_CHECK_COLUMN,
} from '../../core/sheets/questionnaireSheet';
import { surveyInputSchema, listStatements } from '../../core/survey';
import { roundWorkbook } from '../../addin/excel/roundSheets';
import { FakeWorkbook } from './fakeExcel';

const capabilities = { suspendCalculation: true, suspendScreenUpdating: true };
const shrm = builtInSurveys().find((s) => s.id === 'shrm')!;

function setup() {
  const workbook = new FakeWorkbook();
  const book = roundWorkbook({ language: 'nl', capabilities }, workbook.run);
  return { workbook, book };
}

describe('Uitnodigingen sheet', () => {
  test('is one Excel table (group, code, link) under the only-copy warning, and keeps earlier codes', async () => {
    const { workbook, book } = setup();
    await book.writeInvitations([
      { groupName: 'Leraren', code: 'AAAA222222', link: 'https://k.nl/r/AAAA222222' },
      { groupName: '=Directie', code: 'BBBB333333', link: 'https://k.nl/r/BBBB333333' },
    ]);
    const second = await book.writeInvitations([
      { groupName: 'OOP', code: 'CCCC444444', link: 'https://k.nl/r/CCCC444444' },
    ]);
    expect(second).toEqual({ sheetName: 'Uitnodigingen', rows: 3 });
    const table = workbook.tableValues('Koers.Invitations');
    expect(table.header).toEqual(['Groep', 'Code', 'Link']);
    // A name starting with = is text, not a formula.
    expect(table.rows.map((r) => r.map(String))).toEqual([
      ['Leraren', 'AAAA222222', 'https://k.nl/r/AAAA222222'],
      [expect.stringMatching(/^'?=Directie$/), 'BBBB333333', 'https://k.nl/r/BBBB333333'],
      ['OOP', 'CCCC444444', 'https://k.nl/r/CCCC444444'],
    ]);
    expect(workbook.formulaCells()).toEqual([]);
    const sheet = workbook.requireSheet('Uitnodigingen');
    expect(String(workbook.value(sheet, 0, 0))).toMatch(/^Let op: dit blad is de enige plek waar deze codes staan/);
    expect(workbook.activeSheet).toBe('Uitnodigingen');
  });
});

describe('Respons sheet', () => {
  test('shows counts per group, "minder dan N" below the threshold and a range as total; rewritten on refresh', async () => {
    const { workbook, book } = setup();
    const view = {
      roundId: 'r1',
      name: 'Nulmeting',
      anonymityThreshold: 5,
      groups: [
        {
          id: 'leraren',
          name: { nl: 'Leraren', en: 'Teachers' },
          invited: 20,
          answered: { exact: true as const, value: 12 },
          rate: 0.6,
        },
        {
          id: 'oop',
          name: { nl: 'OOP', en: 'Support' },
          invited: 6,
          answered: { exact: false as const, atLeast: 0, below: 5 },
          rate: null,
        },
      ],
      total: {
        invited: 26,
        answered: { exact: false as const, atLeast: 12, below: 17 },
        rate: { min: 0.462, max: 0.615 },
      },
    };
    await book.writeParticipation(view, '1 december 2026');
    await book.writeParticipation(view, '2 december 2026');
    const table = workbook.tableValues('Koers.Participation');
    expect(table.header).toEqual(['Groep', 'Uitgenodigd', 'Ingevuld', 'Respons']);
    expect(table.rows).toEqual([
      ['Leraren', 20, 12, '60%'],
      ['OOP', 6, 'minder dan 5', '–'],
      ['Totaal', 26, '12–16', '46–62%'],
    ]);
    const sheet = workbook.requireSheet('Respons');
    expect(workbook.value(sheet, 0, 0)).toBe('Respons van Nulmeting, bijgewerkt op 2 december 2026');
  });
});

describe('Vragenlijst sheet', () => {
  const levers = [{ id: 'taakbeleid', title: { nl: 'Taakbeleid', en: 'Task policy' } }];
  const layout = questionnaireTemplate({
    language: 'nl',
    levers,
    builtInStatements: listStatements(shrm),
    groups: shrm.groups.map((g) => g.name),
    scaleLabels: shrm.scale.labels!,
  });
  const options = {
    language: 'nl' as const,
    leverIds: new Set(['taakbeleid']),
    builtInStatementIds: new Set(listStatements(shrm).map((s) => s.id)),
  };

  test('the template reads back as a valid Dutch-only survey body, and is not written over a second time', async () => {
    const { workbook, book } = setup();
    expect(await book.writeQuestionnaireTemplate(layout)).toEqual({ sheetName: 'Vragenlijst', existed: false });
    expect(workbook.table('Koers.Questionnaire')).toBeDefined();
    expect(workbook.tableValues('Koers.Questionnaire.Levers').rows).toEqual([['taakbeleid', 'Taakbeleid']]);
    const sheet = workbook.requireSheet('Vragenlijst');
    workbook.type(sheet, layout.tableHeaderRow + 1, 3, 'Mijn eigen stelling over tijd.');
    expect(await book.writeQuestionnaireTemplate(layout)).toEqual({ sheetName: 'Vragenlijst', existed: true });
    const values = await book.readQuestionnaire();
    const parsed = parseQuestionnaire(values!, options);
    expect(parsed.problems).toEqual([]);
    expect(parsed.body!.sections[0]!.statements.map((s) => [s.id, s.text.nl, s.resembles])).toEqual([
      ['wd-tijd', 'Mijn eigen stelling over tijd.', undefined],
      ['wd-steun', 'Mijn leidinggevende steunt mij als het werk zich opstapelt.', 'int-leadership'],
    ]);
    expect(parsed.body!.groups.map((g) => g.id)).toEqual([
      'directie',
      'teamleiders',
      'leraren',
      'onderwijsondersteunend-personeel-oop',
      'p-o-hr',
    ]);
    expect(surveyInputSchema.safeParse(parsed.body).success).toBe(true);
  });

  test('problems land in the check column of their own row; a fixed row loses its complaint; published id is written', async () => {
    const { workbook, book } = setup();
    await book.writeQuestionnaireTemplate(layout);
    const sheet = workbook.requireSheet('Vragenlijst');
    const first = layout.tableHeaderRow + 1;
    workbook.type(sheet, first, 6, 'bestaat-niet');
    workbook.type(sheet, first + 1, 5, 'ergens');
    workbook.type(sheet, first + 2, 3, 'Een derde stelling zonder id.');
    let parsed = parseQuestionnaire((await book.readQuestionnaire())!, options);
    expect(parsed.body).toBeUndefined();
    expect(parsed.problems.map((p) => [p.row, p.column])).toEqual([
      [first + 1, STATEMENT_CHECK_COLUMN],
      [first + 2, STATEMENT_CHECK_COLUMN],
    ]);
    expect(parsed.problems[0]!.message).toBe(
      'De maatregel "bestaat-niet" bestaat niet; kies een id uit de lijst rechts.',
    );
    expect(parsed.problems[1]!.message).toMatch(/^Kies een Tabel 3\/4-blok uit: intern, extern/);
    expect(parsed.generatedIds).toEqual([{ row: first + 3, id: 'een-derde-stelling-zonder-id' }]);
    await book.writeQuestionnaireChecks({ ...parsed, okRows: parsed.statementRows, okText: 'in orde' });
    expect(workbook.value(sheet, first, STATEMENT_CHECK_COLUMN)).toBe(parsed.problems[0]!.message);
    expect(workbook.value(sheet, first + 2, STATEMENT_CHECK_COLUMN)).toBe('in orde');

    workbook.type(sheet, first, 6, 'taakbeleid');
    workbook.type(sheet, first + 1, 5, 'verdieping');
    parsed = parseQuestionnaire((await book.readQuestionnaire())!, options);
    expect(parsed.problems).toEqual([]);
    // The id made for the row without one was written back on the first check, so it stays.
    expect(parsed.generatedIds).toEqual([]);
    expect(parsed.body!.sections[0]!.statements[2]!.id).toBe('een-derde-stelling-zonder-id');
    expect(parsed.body!.sections[0]!.statements[1]!.block).toBe('deepening');
    // A server refusal naming a statement goes to that statement's row.
    expect(problemFromServer('Het verzoek is ongeldig: sections.0.statements.2.text.nl: te lang', parsed).row).toBe(
      first + 3,
    );
    await book.writeQuestionnaireChecks({
      ...parsed,
      problems: [],
      okRows: parsed.statementRows,
      okText: 'in orde',
      published: { row: parsed.publishedRow!, id: 'survey-abc', version: 1 },
    });
    expect(workbook.value(sheet, first, STATEMENT_CHECK_COLUMN)).toBe('in orde');
    expect(workbook.value(sheet, first + 2, 2)).toBe('een-derde-stelling-zonder-id');
    const again = parseQuestionnaire((await book.readQuestionnaire())!, options);
    expect(again.publishedId).toBe('survey-abc');
  });

  test('settings problems go to the settings rows, in English for an English pane', () => {
    const english = questionnaireTemplate({
      language: 'en',
      levers,
      builtInStatements: [],
      groups: [],
      scaleLabels: [],
    });
    const grid = english.grid.map((row) => [...row]);
    grid[3]![1] = '';
    grid[5]![1] = '1';
    grid[5]![2] = '1';
    const parsed = parseQuestionnaire(grid, { ...options, language: 'en' });
    expect(parsed.problems.map((p) => [p.row, p.message])).toEqual([
      [4, 'Fill in a title (Dutch).'],
      [6, 'Give the scale as two whole numbers, for example 1 and 5, the second one larger.'],
      [8, 'Name at least one group, separated by ;.'],
    ]);
  });
});
