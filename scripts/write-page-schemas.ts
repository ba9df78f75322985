// `npm run schemas`: writes the reply schemas the public pages check against (server/api/pageSchemas.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGE_SCHEMAS_FILE, pageSchemasText } from '../server/api/pageSchemas';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
fs.writeFileSync(path.join(root, PAGE_SCHEMAS_FILE), pageSchemasText());
console.log(`wrote ${PAGE_SCHEMAS_FILE}`);
