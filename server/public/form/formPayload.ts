// GET /api/form/:code, as core/api/form.ts declares it (one schema for server, OpenAPI and this page).
export type { FormPayload } from '../../../core/api/form';
