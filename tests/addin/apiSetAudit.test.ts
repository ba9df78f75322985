/**
 * API-set audit: every Excel API member the add-in uses (property accesses and calls on Excel types
 * in addin/excel, resolved with the TypeScript checker), its requirement set as @types/office-js
 * documents it ("[Api set: ExcelApi x.y]"), checked against manifest.xml's declared minimum and the
 * runtime isSetSupported guards (addin/excel/capabilities.ts). A member that needs more than the
 * manifest declares fails the test unless a guard covers it.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { MIN_EXCEL_API } from '../../addin/excel/capabilities';

const root = path.resolve(__dirname, '../..');
const excelDir = path.join(root, 'addin/excel');

type Version = [number, number];
const parse = (v: string): Version => v.split('.').map((n) => Number.parseInt(n, 10)) as Version;
const greater = (a: Version, b: Version) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
const show = (v: Version) => `${v[0]}.${v[1]}`;

/**
 * Members used only behind a runtime guard, with the guard's version: capabilities.ts checks
 * isSetSupported('ExcelApi', '1.6' | '1.9') and the writers call these only when it says yes.
 */
const GUARDED: Record<string, string> = {
  'Application.suspendApiCalculationUntilNextSync': '1.6',
  'Application.suspendScreenUpdatingUntilNextSync': '1.9',
};

interface Use {
  member: string;
  apiSet: Version;
  where: string;
}

function excelMemberUses(): Use[] {
  const files = fs
    .readdirSync(excelDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(excelDir, f));
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  )!;
  const program = ts.createProgram(files, config.options);
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        for (const declaration of symbol?.declarations ?? []) {
          if (!declaration.getSourceFile().fileName.includes('@types/office-js')) continue;
          const owner = declaration.parent;
          const ownerName =
            owner && (ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner)) ? owner.name?.text : undefined;
          // Only the Excel namespace: Office.* (onReady, context) is the common API, not an ExcelApi set.
          let scope: ts.Node | undefined = owner;
          while (scope && !ts.isModuleDeclaration(scope)) scope = scope.parent;
          if (!scope || !ts.isModuleDeclaration(scope) || scope.name.text !== 'Excel' || !ownerName) continue;
          const docs = ts.getJSDocTags(declaration).map((tag) => ts.getTextOfJSDocComment(tag.comment) ?? '');
          const text = [...docs, declaration.getFullText()].join('\n');
          const set = /\[Api set: ExcelApi (\d+\.\d+)/.exec(text)?.[1];
          if (!set) continue;
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          uses.push({
            member: `${ownerName}.${node.name.text}`,
            apiSet: parse(set),
            where: `${path.relative(root, file)}:${line + 1}`,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

describe('API-set audit of addin/excel', () => {
  const uses = excelMemberUses();
  const manifest = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
  const declared = /<Set Name="ExcelApi" MinVersion="(\d+\.\d+)"\s*\/>/.exec(manifest)?.[1];

  test('finds the Excel members the add-in uses, each with its requirement set', () => {
    const members = new Set(uses.map((use) => use.member));
    expect(members.size).toBeGreaterThan(30);
    for (const expected of [
      'TableCollection.getItemOrNullObject',
      'Table.worksheet',
      'Worksheet.getRangeByIndexes',
      'Range.formulas',
      'DataValidation.rule',
      'Application.suspendScreenUpdatingUntilNextSync',
    ]) {
      expect(members).toContain(expected);
    }
  });

  test("the manifest's minimum is the one the pane checks at run time", () => {
    expect(declared).toBe(MIN_EXCEL_API);
  });

  test('no member needs more than the manifest declares, unless a runtime guard covers it', () => {
    const minimum = parse(declared!);
    const problems = uses.flatMap((use) => {
      if (!greater(use.apiSet, minimum)) return [];
      const guard = GUARDED[use.member];
      if (guard && !greater(use.apiSet, parse(guard))) return [];
      return [`${use.member} needs ExcelApi ${show(use.apiSet)} (${use.where}); manifest declares ${declared}`];
    });
    expect(problems).toEqual([]);
  });

  test('each guard matches what capabilities.ts checks and what the member needs', () => {
    const capabilities = fs.readFileSync(path.join(excelDir, 'capabilities.ts'), 'utf8');
    for (const [member, version] of Object.entries(GUARDED)) {
      expect(capabilities).toContain(`supports('${version}')`);
      const needed = uses.filter((use) => use.member === member).map((use) => use.apiSet);
      for (const set of needed) expect(show(set)).toBe(version);
    }
  });

  test('the highest set in use is reported (the manifest need not be higher)', () => {
    const highest = uses.reduce<Version>((max, use) => (greater(use.apiSet, max) ? use.apiSet : max), [1, 1]);
    expect(greater(highest, parse(declared!))).toBe(false);
  });
});
