/**
 * manifest.xml: parses with office-addin-manifest, has what Excel needs, names only files the
 * build produces (the server serves dist/ at its root: /addin/x is dist/addin/x), and validates
 * against Microsoft's XSD with xmllint when that is installed (required under CI=true). The XSDs ship
 * with the project in tests/fixtures/office-manifest-schema (see its README for origin and changes).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { MIN_EXCEL_API } from '../addin/excel/capabilities';

const root = path.resolve(__dirname, '..');
const manifestPath = path.join(root, 'manifest.xml');
const distDir = path.join(root, 'dist');
const schema = path.join(root, 'tests', 'fixtures', 'office-manifest-schema', 'OfficeAppManifestV1_1.xsd');
const text = readFileSync(manifestPath, 'utf8');

/** The add-in's origin, taken from SourceLocation: a deployment on another host or port edits only the manifest. */
const ORIGIN = new URL(/<SourceLocation DefaultValue="([^"]+)"/.exec(text)![1]!).origin;

function attribute(element: string, name: string): string[] {
  const pattern = new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`, 'g');
  return [...text.matchAll(pattern)].map((m) => m[1]!);
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function distFileFor(url: string): string {
  const parsed = new URL(url);
  return path.join(distDir, decodeURIComponent(parsed.pathname));
}

describe('manifest.xml', () => {
  test('parses with office-addin-manifest as an Excel task pane add-in', async () => {
    const manifest = await OfficeAddinManifest.readManifestFile(manifestPath);
    expect(manifest.manifestType).toBe('xml');
    expect(manifest.officeAppType).toBe('TaskPaneApp');
    expect(manifest.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(manifest.defaultLocale).toBe('nl-NL');
    expect(manifest.hosts).toEqual(['Workbook']);
    expect(manifest.permissions).toBe('ReadWriteDocument');
    expect(manifest.displayName).toMatch(/^Koers/);
    expect(manifest.providerName).toBe('Koers');
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(ORIGIN.startsWith('https://')).toBe(true);
    expect(manifest.defaultSettings?.sourceLocation).toBe(`${ORIGIN}/addin/taskpane.html`);
    expect(manifest.appDomains).toEqual([ORIGIN]);
  });

  test('declares the ExcelApi minimum the code checks, and nothing newer than the XSD knows', () => {
    expect(attribute('Set', 'Name')).toEqual(['ExcelApi']);
    expect(attribute('Set', 'MinVersion')).toEqual([MIN_EXCEL_API]);
    expect(text).not.toContain('<Runtimes');
  });

  test('has a "Koers" button in a group on the Home tab that shows the task pane', () => {
    expect(text).toMatch(/<ExtensionPoint xsi:type="PrimaryCommandSurface">\s*<OfficeTab id="TabHome">/);
    expect(text).toMatch(/<Control xsi:type="Button" id="Koers\.TaskpaneButton">/);
    expect(text).toMatch(
      /<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>Koers\.Taskpane<\/TaskpaneId>\s*<SourceLocation resid="Koers\.Taskpane\.Url"\/>/,
    );
    expect(text).toMatch(/<bt:String id="Koers\.Button\.Label" DefaultValue="Koers">/);
    // Every resource id used is defined once.
    const used = new Set([...text.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]!));
    const defined = [...text.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(defined).size).toBe(defined.length);
    for (const id of used) expect(defined).toContain(id);
  });

  test('Dutch by default with English overrides for name, description and every label', () => {
    expect(text).toMatch(/<DisplayName DefaultValue="[^"]+">\s*<Override Locale="en-US" Value="[^"]+"\/>/);
    expect(text).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="en-US" Value="[^"]+"\/>/);
    const strings = [...text.matchAll(/<bt:String id="([^"]+)"[^>]*>([\s\S]*?)<\/bt:String>/g)];
    expect(strings.length).toBeGreaterThanOrEqual(4);
    for (const [, id, body] of strings)
      expect({ id, hasEnglish: /<bt:Override Locale="en-US" Value="[^"]+"\/>/.test(body!) }).toEqual({
        id,
        hasEnglish: true,
      });
  });

  test('every URL is https on the add-in origin and names a file the build produces', () => {
    // Resource URLs are attribute values and app domains; xmlns URIs are names, not addresses.
    const urls = [
      ...[...text.matchAll(/\b(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"/g)].map((m) => m[1]!),
      ...[...text.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]!),
    ];
    const fileUrls = urls.filter((url) => new URL(url).pathname !== '/');
    expect(fileUrls.length).toBeGreaterThanOrEqual(8);
    const missing: string[] = [];
    for (const url of urls) {
      expect(url.startsWith(`${ORIGIN}/`) || url === ORIGIN).toBe(true);
    }
    if (!existsSync(path.join(distDir, 'addin', 'taskpane.html'))) {
      throw new Error('dist/ has no add-in: build first (npx webpack --mode development)');
    }
    for (const url of fileUrls) if (!existsSync(distFileFor(url))) missing.push(url);
    expect(missing).toEqual([]);
  });

  test('icons are PNGs of the sizes the manifest promises', () => {
    const sized: Array<[string, number]> = [
      [attribute('IconUrl', 'DefaultValue')[0]!, 32],
      [attribute('HighResolutionIconUrl', 'DefaultValue')[0]!, 64],
    ];
    const imageIds = [...text.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g)].map(
      (m) => [Number(m[1]), m[2]!] as const,
    );
    expect(new Set(imageIds.map(([size]) => size))).toEqual(new Set([16, 32, 80]));
    for (const [size, id] of imageIds) {
      const url = new RegExp(`<bt:Image id="${id.replace(/\./g, '\\.')}" DefaultValue="([^"]+)"`).exec(text)?.[1];
      expect(url).toBeDefined();
      sized.push([url!, size]);
    }
    for (const [url, size] of sized) {
      // The source files in addin/assets, which the build copies to dist/addin/assets.
      const source = path.join(root, new URL(url).pathname.replace(/^\/addin\//, 'addin/'));
      expect({ url, ...pngSize(source) }).toEqual({ url, width: size, height: size });
    }
  });

  test('validates against the Office add-in manifest schema (xmllint)', () => {
    const found = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
    if (found.error) {
      if (process.env.CI === 'true') throw new Error('xmllint is required under CI (apt-get install libxml2-utils)');
      console.warn('xmllint not installed (apt-get install libxml2-utils): schema validation of manifest.xml skipped');
      return;
    }
    expect(existsSync(schema)).toBe(true);
    const output = execFileSync('xmllint', ['--noout', '--schema', schema, manifestPath], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(output).toBe('');
  });
});
