import { apiRoutes } from './catalogue';
import { openApiDocument, openApiPath } from './openapi';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const pretty = (value: unknown): string => escape(JSON.stringify(value, null, 2));

/**
 * The API reference as one readable page, rendered on the server from the OpenAPI document (no
 * script, no CDN): per route its method, path, parameters, and the JSON schemas of body and reply.
 */
export function referencePage(): string {
  const doc = openApiDocument() as {
    info: { title: string; description: string };
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };
  const tags = [...new Set(apiRoutes.map((route) => route.tag))];
  const sections = tags.map((tag) => {
    const items = apiRoutes
      .filter((route) => route.tag === tag)
      .map((route) => {
        const op = doc.paths[openApiPath(route.path)]![route.method]!;
        const body = (op.requestBody as { content: Record<string, { schema: unknown }> } | undefined)?.content[
          'application/json'
        ]?.schema;
        const reply = route.reply.schema
          ? (op.responses as Record<string, { content: Record<string, { schema: unknown }> }>)[
              String(route.reply.status)
            ]?.content['application/json']?.schema
          : undefined;
        const query = Object.entries(route.query ?? {})
          .map(([name, text]) => `<li><code>${escape(name)}</code>: ${escape(text)}</li>`)
          .join('');
        return `<section class="route" id="${escape(String(op.operationId))}">
<h3><span class="method ${route.method}">${route.method.toUpperCase()}</span> <code>${escape(route.path)}</code></h3>
<p>${escape(route.summary)}${route.auth ? ' <span class="auth">API key</span>' : ' <span class="public">public</span>'}</p>
${query ? `<ul class="query">${query}</ul>` : ''}
${body ? `<details><summary>Request body (JSON Schema)</summary><pre>${pretty(body)}</pre></details>` : ''}
${reply ? `<details><summary>Reply ${route.reply.status} (JSON Schema)</summary><pre>${pretty(reply)}</pre></details>` : `<p class="reply">Reply ${route.reply.status}: ${route.reply.html ? 'an HTML page' : escape(route.reply.description ?? '')}</p>`}
</section>`;
      })
      .join('\n');
    return `<h2 id="${escape(tag.toLowerCase())}">${escape(tag)}</h2>\n${items}`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.info.title)} reference</title>
<style>
body{font:15px/1.5 "Segoe UI",system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#242424}
code,pre{font-family:Consolas,ui-monospace,monospace}pre{background:#f5f5f5;padding:.75rem;overflow:auto;font-size:13px}
.route{border-top:1px solid #ddd;padding:.5rem 0}.method{display:inline-block;min-width:4.5rem;font-weight:600}
.get{color:#0b6a0b}.post{color:#0f548c}.patch{color:#8a3707}.auth,.public{font-size:12px;border:1px solid #999;border-radius:3px;padding:0 .3rem}
nav a{margin-right:1rem}
</style></head><body>
<h1>${escape(doc.info.title)}</h1>
<p>${escape(doc.info.description)}</p>
<p>Machine-readable: <a href="openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<nav>${tags.map((tag) => `<a href="#${escape(tag.toLowerCase())}">${escape(tag)}</a>`).join('')}</nav>
${sections.join('\n')}
</body></html>`;
}
