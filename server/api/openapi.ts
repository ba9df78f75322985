import { z } from 'zod';
import { errorBodySchema } from '../../core/api/common';
import { apiRoutes, type ApiRoute } from './catalogue';

type JsonSchema = Record<string, unknown>;

export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  });
  return rest;
}

/** /api/rounds/:id → /api/rounds/{id} */
export const openApiPath = (expressPath: string): string => expressPath.replace(/:(\w+)/g, '{$1}');

function operation(route: ApiRoute): JsonSchema {
  const parameters = [
    ...[...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    })),
    ...Object.entries(route.query ?? {}).map(([name, description]) => ({
      name,
      in: 'query',
      required: false,
      description,
      schema: { type: 'string' },
    })),
    {
      name: 'lang',
      in: 'query',
      required: false,
      description: 'language of error messages',
      schema: { enum: ['nl', 'en'] },
    },
  ];
  const content: JsonSchema = route.reply.html
    ? { 'text/html': { schema: { type: 'string' } } }
    : {
        'application/json': { schema: route.reply.schema ? jsonSchema(route.reply.schema, 'output') : {} },
        ...(route.csv ? { 'text/csv': { schema: { type: 'string', description: route.csv } } } : {}),
      };
  const error = {
    description: 'error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  return {
    summary: route.summary,
    tags: [route.tag],
    operationId: `${route.method}${openApiPath(route.path).replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c: string = '') => c.toUpperCase())}`,
    ...(route.auth ? { security: [{ apiKey: [] }] } : { security: [] }),
    parameters,
    ...(route.body
      ? {
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } },
        }
      : {}),
    responses: {
      [String(route.reply.status)]: { description: route.reply.description ?? route.summary, content },
      '4XX': error,
      ...(route.auth ? { '401': error } : {}),
    },
  };
}

/** The OpenAPI 3.1 document of Koers' HTTP API, generated from the schemas in core/api. */
export function openApiDocument(routes: readonly ApiRoute[] = apiRoutes): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) (paths[openApiPath(route.path)] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Koers API',
      version: '1',
      description:
        'Surveys, rounds, invitations, responses, anonymised results, levers and MT scoring. Admin routes need ' +
        '`Authorization: Bearer <api key>` and see only their own organisation (anything else answers 404). ' +
        'Errors are `{ "error": { "code", "message" } }` with the message in Dutch or English.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'an API key made with `npm run koers -- key create`' },
      },
      schemas: { Error: jsonSchema(errorBodySchema, 'output') },
    },
    paths,
  };
}
