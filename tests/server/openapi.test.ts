/**
 * The OpenAPI document covers every route the app registers (found by walking Express's router
 * stack, not by reading a list), describes nothing the app does not serve, and is served with a
 * readable reference page.
 */
import request from 'supertest';
import { apiRoutes } from '../../server/api/catalogue';
import { openApiPath } from '../../server/api/openapi';
import { startTestApp, type TestApp } from './testApp';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  rawPath?: string | string[];
}

/** Every "METHOD /path" of the app: route layers, and routers mounted with app.use(path, …). */
function registeredRoutes(stack: Layer[], prefix = ''): string[] {
  const found: string[] = [];
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const path of paths)
        for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all'))
          found.push(`${method.toUpperCase()} ${prefix}${path === '/' && prefix ? '' : path}`);
    } else if (layer.handle.stack) {
      const mounts =
        layer.rawPath === undefined ? [''] : Array.isArray(layer.rawPath) ? layer.rawPath : [layer.rawPath];
      for (const mount of mounts)
        found.push(...registeredRoutes(layer.handle.stack, prefix + (mount === '/' ? '' : mount)));
    }
  }
  return found;
}

describe('OpenAPI document', () => {
  test('every route the app registers is in the document, and the document names no other', async () => {
    const app = t.app as unknown as { router: { stack: Layer[] } };
    const registered = [...new Set(registeredRoutes(app.router.stack))].sort();
    expect(registered.length).toBeGreaterThanOrEqual(30);
    const res = await request(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, Record<string, unknown>>;
    const documented = Object.entries(paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(registered.map((route) => route.replace(/:(\w+)/g, '{$1}'))).toEqual(documented);
  });

  test('is OpenAPI 3.1 with a JSON Schema for every JSON body and reply', async () => {
    const doc = (await request(t.app).get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.Error.properties.error.required).toEqual(['code', 'message']);
    for (const route of apiRoutes) {
      const op = doc.paths[openApiPath(route.path)][route.method];
      expect(op.responses[String(route.reply.status)]).toBeDefined();
      if (route.reply.schema) {
        const schema = op.responses[String(route.reply.status)].content['application/json'].schema;
        expect({ route: route.path, type: schema.type ?? schema.anyOf ?? schema.oneOf }).toEqual({
          route: route.path,
          type: expect.anything(),
        });
      }
      if (route.body) expect(op.requestBody.content['application/json'].schema.type).toBe('object');
      expect(op.security).toEqual(route.auth ? [{ apiKey: [] }] : []);
    }
    // Spot checks that the schemas are the real ones, not placeholders.
    const round = doc.paths['/api/rounds'].post;
    expect(round.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['surveyId', 'name', 'groups']),
    );
    const form = doc.paths['/api/form/{code}'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(form.properties)).toEqual(['round', 'group', 'survey', 'used']);
  });

  test('the reference page lists every route, served by Koers itself (no outside scripts)', async () => {
    const res = await request(t.app).get('/api/reference');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    for (const route of apiRoutes) expect(res.text).toContain(`<code>${route.path}</code>`);
    expect(res.text).not.toMatch(/<script|https?:\/\/(?!json-schema)/);
  });
});
