import { installOfficeStub } from './excelBridge';

/** The browser tests' Office stub, run here with a stand-in window. */
function stubbed(excelApi: string): Office.RequirementSetSupport {
  const scope = globalThis as unknown as Record<string, unknown>;
  scope.window = scope;
  installOfficeStub({ displayLanguage: 'nl-NL', excelApi });
  const office = scope.Office as { context: { requirements: Office.RequirementSetSupport } };
  return office.context.requirements;
}

afterEach(() => {
  const scope = globalThis as unknown as Record<string, unknown>;
  delete scope.Office;
  delete scope.Excel;
  delete scope.window;
});

describe('the browser stub of Office.context.requirements', () => {
  test('compares versions part by part: 1.10 is newer than 1.9', () => {
    const requirements = stubbed('1.10');
    expect(requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(requirements.isSetSupported('ExcelApi', '1.10')).toBe(true);
    expect(requirements.isSetSupported('ExcelApi', '1.11')).toBe(false);
  });

  test('an Excel with 1.9 does not claim 1.10 or 1.12', () => {
    const requirements = stubbed('1.9');
    expect(requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(requirements.isSetSupported('ExcelApi', '1.10')).toBe(false);
    expect(requirements.isSetSupported('ExcelApi', '1.12')).toBe(false);
    expect(requirements.isSetSupported('WordApi', '1.1')).toBe(false);
  });
});
