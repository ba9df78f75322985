import { groupIdFromName } from '../roundGroups';
import type { TableBlockId } from '../survey';
import type { Language, LocalizedText } from '../text';
import type { CellGrid } from './cells';
import { cellText, textCell } from './cells';

/**
 * The *Vragenlijst* sheet: an own survey written in Excel. At the top a settings block (label in
 * column A, Dutch in B, English, optional, in C), below it one table row per statement. The pane
 * reads the sheet back, checks it row by row (problems go into the last column of that row), and
 * publishes it as the body of POST /api/surveys (or PUT once it has been published).
 */

export const QUESTIONNAIRE_TABLE = 'Koers.Questionnaire';
export const QUESTIONNAIRE_LEVERS_TABLE = 'Koers.Questionnaire.Levers';
export const QUESTIONNAIRE_BUILTIN_TABLE = 'Koers.Questionnaire.BuiltIn';

type SettingKey = 'title' | 'description' | 'scale' | 'labels' | 'groups' | 'published';

interface QuestionnaireTexts {
  sheet: string;
  heading: string;
  help: string;
  settingHeader: [string, string, string, string];
  settings: Record<SettingKey, string>;
  columns: {
    section: string;
    sectionEn: string;
    id: string;
    statement: string;
    statementEn: string;
    block: string;
    levers: string;
    resembles: string;
    check: string;
  };
  blocks: Record<TableBlockId, string>;
  leversHeading: [string, string];
  builtInHeading: [string, string];
  ok: string;
}

const texts: Record<Language, QuestionnaireTexts> = {
  nl: {
    sheet: 'Vragenlijst',
    heading: 'Eigen vragenlijst',
    help: 'Vul de instellingen en de stellingen in (Engels mag leeg blijven: dan ziet een Engelstalige respondent de Nederlandse tekst). Laat een onderdeel leeg om de stelling bij het onderdeel erboven te zetten. Koppel stellingen aan maatregelen (ids uit de lijst rechts, gescheiden door ;) of aan een ingebouwde stelling die erop lijkt: dan werken de suggesties. Kies daarna in het taakvenster "Controleren en publiceren".',
    settingHeader: ['Instelling', 'Nederlands', 'Engels (optioneel)', 'Controle'],
    settings: {
      title: 'Titel',
      description: 'Toelichting',
      scale: 'Schaal van – tot',
      labels: 'Schaallabels (gescheiden door ;)',
      groups: 'Groepen (gescheiden door ;)',
      published: 'Gepubliceerd als (niet wijzigen)',
    },
    columns: {
      section: 'Onderdeel',
      sectionEn: 'Onderdeel (Engels)',
      id: 'Id',
      statement: 'Stelling',
      statementEn: 'Stelling (Engels)',
      block: 'Tabel 3/4-blok',
      levers: 'Maatregelen',
      resembles: 'Lijkt op',
      check: 'Controle',
    },
    blocks: {
      internal: 'intern',
      external: 'extern',
      mapping: 'in kaart',
      deepening: 'verdieping',
      broadening: 'verbreding',
    },
    leversHeading: ['Maatregel-id', 'Maatregel'],
    builtInHeading: ['Ingebouwde stelling', 'Tekst'],
    ok: 'in orde',
  },
  en: {
    sheet: 'Questionnaire',
    heading: 'Own survey',
    help: 'Fill in the settings and the statements (English may stay empty: an English-speaking respondent then sees the Dutch text). Leave a section empty to put the statement in the section above. Link statements to levers (ids from the list on the right, separated by ;) or to a built-in statement they resemble, so suggestions work. Then choose "Check and publish" in the task pane.',
    settingHeader: ['Setting', 'Dutch', 'English (optional)', 'Check'],
    settings: {
      title: 'Title',
      description: 'Introduction',
      scale: 'Scale from – to',
      labels: 'Scale labels (separated by ;)',
      groups: 'Groups (separated by ;)',
      published: 'Published as (do not change)',
    },
    columns: {
      section: 'Section',
      sectionEn: 'Section (English)',
      id: 'Id',
      statement: 'Statement',
      statementEn: 'Statement (English)',
      block: 'Table 3/4 block',
      levers: 'Levers',
      resembles: 'Resembles',
      check: 'Check',
    },
    blocks: {
      internal: 'internal',
      external: 'external',
      mapping: 'mapping',
      deepening: 'deepening',
      broadening: 'broadening',
    },
    leversHeading: ['Lever id', 'Lever'],
    builtInHeading: ['Built-in statement', 'Text'],
    ok: 'fine',
  },
};

export const QUESTIONNAIRE_COLUMNS = 9;
/** Zero-based column of the per-row check (problems) in both blocks. */
export const SETTINGS_CHECK_COLUMN = 3;
export const STATEMENT_CHECK_COLUMN = QUESTIONNAIRE_COLUMNS - 1;

export function questionnaireTexts(language: Language): QuestionnaireTexts {
  return texts[language];
}

export function questionnaireSheetNames(): string[] {
  return [texts.nl.sheet, texts.en.sheet];
}

export interface TemplateInput {
  language: Language;
  /** Lever ids and titles for the helper list beside the table. */
  levers: ReadonlyArray<{ id: string; title: LocalizedText }>;
  /** Built-in statements for "Lijkt op". */
  builtInStatements: ReadonlyArray<{ id: string; text: LocalizedText }>;
  /** The usual geledingen, prefilled. */
  groups: readonly LocalizedText[];
  scaleLabels: readonly LocalizedText[];
}

export interface TemplateLayout {
  /** Rows from A1: heading, help, settings header and rows, a blank row, then the table header and examples. */
  grid: CellGrid;
  /** Zero-based row of the statements table's header. */
  tableHeaderRow: number;
  tableRows: number;
  levers: CellGrid;
  builtIn: CellGrid;
}

/** The template the pane writes: settings prefilled with sensible defaults, and two example statements. */
export function questionnaireTemplate(input: TemplateInput): TemplateLayout {
  const t = texts[input.language];
  const row = (...cells: string[]) => Array.from({ length: QUESTIONNAIRE_COLUMNS }, (_, i) => textCell(cells[i] ?? ''));
  const join = (items: readonly LocalizedText[], language: Language) => items.map((item) => item[language]).join('; ');
  const settings = [
    row(t.settings.title, 'Werkdruk en professionele ruimte', ''),
    row(t.settings.description, 'Geef bij elke stelling aan hoe het nu is en hoe het zou moeten zijn.', ''),
    row(t.settings.scale, '1', '5'),
    row(t.settings.labels, join(input.scaleLabels, 'nl'), join(input.scaleLabels, 'en')),
    row(t.settings.groups, join(input.groups, 'nl'), join(input.groups, 'en')),
    row(t.settings.published, '', ''),
  ];
  const header = row(
    t.columns.section,
    t.columns.sectionEn,
    t.columns.id,
    t.columns.statement,
    t.columns.statementEn,
    t.columns.block,
    t.columns.levers,
    t.columns.resembles,
    t.columns.check,
  );
  const examples = [
    row(
      'Werkdruk',
      'Workload',
      'wd-tijd',
      'Ik heb voldoende tijd voor de voorbereiding van mijn lessen.',
      '',
      t.blocks.internal,
    ),
    row(
      '',
      '',
      'wd-steun',
      'Mijn leidinggevende steunt mij als het werk zich opstapelt.',
      '',
      t.blocks.internal,
      '',
      'int-leadership',
    ),
  ];
  const grid: CellGrid = [
    row(t.heading),
    row(t.help),
    row(...t.settingHeader),
    ...settings,
    row(),
    header,
    ...examples,
  ];
  return {
    grid,
    tableHeaderRow: grid.length - examples.length - 1,
    tableRows: examples.length,
    levers: [t.leversHeading, ...input.levers.map((l) => [textCell(l.id), textCell(l.title[input.language])])],
    builtIn: [
      t.builtInHeading,
      ...input.builtInStatements.map((s) => [textCell(s.id), textCell(s.text[input.language])]),
    ],
  };
}

/** A problem on one sheet row (1-based, as Excel shows it), in the pane's language. */
export interface SheetProblem {
  row: number;
  column: number;
  message: string;
}

/** The POST /api/surveys body built from the sheet: Dutch required, English only where given. */
export interface QuestionnaireBody {
  title: { nl: string; en?: string };
  description?: { nl: string; en?: string };
  scale: { min: number; max: number; labels?: Array<{ nl: string; en?: string }> };
  sections: Array<{
    id: string;
    title: { nl: string; en?: string };
    statements: Array<{
      id: string;
      text: { nl: string; en?: string };
      block?: TableBlockId;
      levers?: string[];
      resembles?: string;
    }>;
  }>;
  groups: Array<{ id: string; name: { nl: string; en?: string } }>;
}

export interface ParsedQuestionnaire {
  body?: QuestionnaireBody;
  problems: SheetProblem[];
  /** Rows that hold a statement, and the row of each statement by (section index, statement index). */
  statementRows: number[];
  rowOf: (section: number, statement: number) => number | undefined;
  /** Ids filled in by the parser for rows without one: written back so they stay stable. */
  generatedIds: Array<{ row: number; id: string }>;
  /** The survey id of an earlier publication, if the sheet holds one. */
  publishedId?: string;
  /** 1-based row of the settings line "published as". */
  publishedRow?: number;
  headerRow?: number;
}

export interface ParseOptions {
  language: Language;
  leverIds: ReadonlySet<string>;
  builtInStatementIds: ReadonlySet<string>;
}

const problemTexts = {
  nl: {
    noHeader: 'De tabel met stellingen ontbreekt: de kopregel begint met "Onderdeel".',
    noTitle: 'Vul een titel in (Nederlands).',
    scale: 'Geef de schaal als twee gehele getallen, bijvoorbeeld 1 en 5, waarbij het tweede groter is.',
    labels: (n: number) => `Geef precies ${n} labels, één per punt van de schaal, gescheiden door ;.`,
    labelsEn: (n: number) => `Geef in het Engels ook ${n} labels, of laat het vak leeg.`,
    groups: 'Noem minstens één groep, gescheiden door ;.',
    groupsEn: 'Geef in het Engels evenveel groepen als in het Nederlands, of laat het vak leeg.',
    noSection:
      'Vul een onderdeel in (Nederlands); alleen volgende stellingen van hetzelfde onderdeel mogen het leeg laten.',
    noStatement: 'Vul de stelling in (Nederlands), of maak de hele rij leeg.',
    tooLong: 'Deze tekst is te lang (maximaal 2000 tekens).',
    badId: 'Een id bestaat uit kleine letters, cijfers en streepjes, bijvoorbeeld "wd-tijd".',
    duplicateId: (id: string) => `De id "${id}" staat al op een eerdere rij; elke stelling heeft een eigen id.`,
    block: (choices: string) => `Kies een Tabel 3/4-blok uit: ${choices}, of laat het leeg.`,
    lever: (id: string) => `De maatregel "${id}" bestaat niet; kies een id uit de lijst rechts.`,
    resembles: (id: string) => `"${id}" is geen ingebouwde stelling; kies een id uit de lijst rechts.`,
    noStatements: 'Voeg minstens één stelling toe.',
  },
  en: {
    noHeader: 'The statements table is missing: its header row starts with "Section".',
    noTitle: 'Fill in a title (Dutch).',
    scale: 'Give the scale as two whole numbers, for example 1 and 5, the second one larger.',
    labels: (n: number) => `Give exactly ${n} labels, one per point of the scale, separated by ;.`,
    labelsEn: (n: number) => `Give ${n} labels in English too, or leave the cell empty.`,
    groups: 'Name at least one group, separated by ;.',
    groupsEn: 'Give as many groups in English as in Dutch, or leave the cell empty.',
    noSection: 'Fill in a section (Dutch); only further statements of the same section may leave it empty.',
    noStatement: 'Fill in the statement (Dutch), or clear the whole row.',
    tooLong: 'This text is too long (at most 2000 characters).',
    badId: 'An id consists of lowercase letters, digits and dashes, for example "wd-time".',
    duplicateId: (id: string) => `The id "${id}" is already used on an earlier row; each statement has its own id.`,
    block: (choices: string) => `Choose a Table 3/4 block from: ${choices}, or leave it empty.`,
    lever: (id: string) => `The lever "${id}" does not exist; choose an id from the list on the right.`,
    resembles: (id: string) => `"${id}" is not a built-in statement; choose an id from the list on the right.`,
    noStatements: 'Add at least one statement.',
  },
};

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const MAX_TEXT = 2000;

/** Reads the sheet's values (from A1) back into a survey body, with every problem on its own row. */
export function parseQuestionnaire(
  values: readonly (readonly unknown[])[],
  options: ParseOptions,
): ParsedQuestionnaire {
  const p = problemTexts[options.language];
  const problems: SheetProblem[] = [];
  const cell = (r: number, c: number): string => {
    return cellText(values[r]?.[c]).trim();
  };
  const settingLabels = new Map<string, SettingKey>();
  for (const language of ['nl', 'en'] as const) {
    for (const [key, label] of Object.entries(texts[language].settings))
      settingLabels.set(label.toLowerCase(), key as SettingKey);
  }
  const headerLabels = new Set([texts.nl.columns.section.toLowerCase(), texts.en.columns.section.toLowerCase()]);
  const settingRow = new Map<SettingKey, number>();
  let headerRow: number | undefined;
  for (let r = 0; r < values.length; r += 1) {
    const label = cell(r, 0).toLowerCase();
    if (headerLabels.has(label)) {
      headerRow = r;
      break;
    }
    const key = settingLabels.get(label);
    if (key && !settingRow.has(key)) settingRow.set(key, r);
  }
  const result: ParsedQuestionnaire = {
    problems,
    statementRows: [],
    rowOf: () => undefined,
    generatedIds: [],
  };
  const publishedAt = settingRow.get('published');
  if (publishedAt !== undefined) {
    result.publishedRow = publishedAt + 1;
    const id = cell(publishedAt, 1);
    if (id) result.publishedId = id;
  }
  if (headerRow === undefined) {
    problems.push({ row: 1, column: 0, message: p.noHeader });
    return result;
  }
  result.headerRow = headerRow + 1;
  const setting = (key: SettingKey, c: number): string => {
    const r = settingRow.get(key);
    return r === undefined ? '' : cell(r, c);
  };
  const problemAtSetting = (key: SettingKey, message: string) =>
    problems.push({ row: (settingRow.get(key) ?? 0) + 1, column: SETTINGS_CHECK_COLUMN, message });
  const text = (nl: string, en: string) => ({ nl, ...(en ? { en } : {}) });

  const title = setting('title', 1);
  if (!title) problemAtSetting('title', p.noTitle);
  const description = setting('description', 1);

  const min = Number(setting('scale', 1) || '1');
  const max = Number(setting('scale', 2) || '5');
  const scaleOk = Number.isInteger(min) && Number.isInteger(max) && min >= 0 && max <= 11 && max > min;
  if (!scaleOk) problemAtSetting('scale', p.scale);
  const split = (value: string) =>
    value
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part !== '');
  const labelsNl = split(setting('labels', 1));
  const labelsEn = split(setting('labels', 2));
  const points = scaleOk ? max - min + 1 : 0;
  let labels: Array<{ nl: string; en?: string }> | undefined;
  if (scaleOk && labelsNl.length > 0) {
    if (labelsNl.length !== points) problemAtSetting('labels', p.labels(points));
    else if (labelsEn.length > 0 && labelsEn.length !== points) problemAtSetting('labels', p.labelsEn(points));
    else labels = labelsNl.map((nl, i) => text(nl, labelsEn[i] ?? ''));
  }

  const groupsNl = split(setting('groups', 1));
  const groupsEn = split(setting('groups', 2));
  if (groupsNl.length === 0) problemAtSetting('groups', p.groups);
  else if (groupsEn.length > 0 && groupsEn.length !== groupsNl.length) problemAtSetting('groups', p.groupsEn);
  const groupIds = new Set<string>();
  const groups = groupsNl.map((nl, i) => {
    let id = groupIdFromName(nl);
    for (let n = 2; groupIds.has(id); n += 1) id = `${groupIdFromName(nl)}-${n}`;
    groupIds.add(id);
    return { id, name: text(nl, groupsEn[i] ?? '') };
  });

  const blockByName = new Map<string, TableBlockId>();
  for (const language of ['nl', 'en'] as const) {
    for (const [id, name] of Object.entries(texts[language].blocks))
      blockByName.set(name.toLowerCase(), id as TableBlockId);
  }
  const blockChoices = Object.values(texts[options.language].blocks).join(', ');

  const sections: QuestionnaireBody['sections'] = [];
  const rowIndex = new Map<string, number>();
  const seenIds = new Set<string>();
  const sectionIds = new Set<string>();
  /** The section named on this row or the nearest row above it, valid or not. */
  let currentSection: { nl: string; en: string } | undefined;
  for (let r = headerRow + 1; r < values.length; r += 1) {
    const sheetRow = r + 1;
    const sectionNl = cell(r, 0);
    const sectionEn = cell(r, 1);
    let id = cell(r, 2).toLowerCase();
    const statementNl = cell(r, 3);
    const statementEn = cell(r, 4);
    const block = cell(r, 5);
    const leverCell = cell(r, 6);
    const resembles = cell(r, 7);
    const filled = [sectionNl, sectionEn, id, statementNl, statementEn, block, leverCell, resembles].some((v) => v);
    if (!filled) continue;
    const rowProblems: string[] = [];
    if (!statementNl) rowProblems.push(p.noStatement);
    if ([sectionNl, sectionEn, statementNl, statementEn].some((v) => v.length > MAX_TEXT)) rowProblems.push(p.tooLong);
    if (sectionNl) currentSection = { nl: sectionNl, en: sectionEn };
    if (!currentSection) rowProblems.push(p.noSection);
    if (id && !SLUG.test(id)) rowProblems.push(p.badId);
    if (!id && statementNl) {
      const base = groupIdFromName(statementNl.split(/\s+/).slice(0, 5).join(' ')).slice(0, 40).replace(/-+$/, '');
      id = base;
      for (let n = 2; seenIds.has(id); n += 1) id = `${base}-${n}`;
      result.generatedIds.push({ row: sheetRow, id });
    } else if (id && seenIds.has(id)) {
      rowProblems.push(p.duplicateId(id));
    }
    const blockId = block ? blockByName.get(block.toLowerCase()) : undefined;
    if (block && !blockId) rowProblems.push(p.block(blockChoices));
    const levers = split(leverCell.replace(/,/g, ';')).map((l) => l.toLowerCase());
    for (const lever of levers) if (!options.leverIds.has(lever)) rowProblems.push(p.lever(lever));
    if (resembles && !options.builtInStatementIds.has(resembles)) rowProblems.push(p.resembles(resembles));
    for (const message of rowProblems) problems.push({ row: sheetRow, column: STATEMENT_CHECK_COLUMN, message });
    if (rowProblems.length > 0) continue;

    seenIds.add(id);
    const sectionTitle = currentSection!;
    if (sections.length === 0 || sections[sections.length - 1]!.title.nl !== sectionTitle.nl) {
      let sectionId = groupIdFromName(sectionTitle.nl).slice(0, 40).replace(/-+$/, '');
      const base = sectionId;
      for (let n = 2; sectionIds.has(sectionId); n += 1) sectionId = `${base}-${n}`;
      sectionIds.add(sectionId);
      sections.push({ id: sectionId, title: text(sectionTitle.nl, sectionTitle.en), statements: [] });
    }
    const section = sections[sections.length - 1]!;
    rowIndex.set(`${sections.length - 1}:${section.statements.length}`, sheetRow);
    result.statementRows.push(sheetRow);
    section.statements.push({
      id,
      text: text(statementNl, statementEn),
      ...(blockId ? { block: blockId } : {}),
      ...(levers.length > 0 ? { levers: [...new Set(levers)] } : {}),
      ...(resembles ? { resembles } : {}),
    });
  }
  if (sections.length === 0 && !problems.some((pr) => pr.row > headerRow + 1)) {
    problems.push({ row: headerRow + 2, column: STATEMENT_CHECK_COLUMN, message: p.noStatements });
  }
  result.rowOf = (s, i) => rowIndex.get(`${s}:${i}`);
  if (problems.length > 0 || !scaleOk) return result;
  result.body = {
    title: text(title, setting('title', 2)),
    ...(description ? { description: text(description, setting('description', 2)) } : {}),
    scale: { min, max, ...(labels ? { labels } : {}) },
    sections,
    groups,
  };
  return result;
}

/**
 * Puts a server's 400 on its sheet row: the message names a path like
 * "sections.1.statements.3.text.nl", which maps back to the row that statement came from.
 */
export function problemFromServer(message: string, parsed: ParsedQuestionnaire): SheetProblem {
  const match = /sections\.(\d+)\.statements\.(\d+)/.exec(message);
  const row = match ? parsed.rowOf(Number(match[1]), Number(match[2])) : undefined;
  if (row !== undefined) return { row, column: STATEMENT_CHECK_COLUMN, message };
  return { row: parsed.headerRow ?? 1, column: STATEMENT_CHECK_COLUMN, message };
}
