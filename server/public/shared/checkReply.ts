/**
 * The part of JSON Schema (2020-12) that zod's toJSONSchema writes for the replies the public pages
 * read. The generated schemas are typed with this interface, so a keyword the checker does not know
 * fails the type check instead of being ignored. `T` is the reply's type in core/api, so a page
 * cannot pair a schema with the wrong type.
 */
export interface JsonSchema<T = unknown> {
  readonly type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly propertyNames?: JsonSchema;
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  /** Never present: carries the reply's type. */
  readonly __reply?: T;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const hasType: Record<NonNullable<JsonSchema['type']>, (value: unknown) => boolean> = {
  object: isObject,
  array: Array.isArray,
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  integer: Number.isInteger,
  boolean: (value) => typeof value === 'boolean',
  null: (value) => value === null,
};

/**
 * Whether `value` is a reply the schema allows. Lengths count UTF-16 units and patterns run without
 * the `u` flag, as zod counts and matches on the server.
 */
export function matchesSchema<T>(schema: JsonSchema<T>, value: unknown): value is T {
  const s: JsonSchema = schema;
  if (s.type && !hasType[s.type](value)) return false;
  if ('const' in s && value !== s.const) return false;
  if (s.enum && !s.enum.includes(value)) return false;
  if (s.anyOf && !s.anyOf.some((option) => matchesSchema(option, value))) return false;
  if (s.oneOf && s.oneOf.filter((option) => matchesSchema(option, value)).length !== 1) return false;
  if (typeof value === 'string') {
    if (value.length < (s.minLength ?? 0) || value.length > (s.maxLength ?? Infinity)) return false;
    if (s.pattern !== undefined && !new RegExp(s.pattern).test(value)) return false;
  }
  if (typeof value === 'number') {
    if (value < (s.minimum ?? -Infinity) || value > (s.maximum ?? Infinity)) return false;
    if (value <= (s.exclusiveMinimum ?? -Infinity) || value >= (s.exclusiveMaximum ?? Infinity)) return false;
  }
  if (Array.isArray(value)) {
    if (value.length < (s.minItems ?? 0) || value.length > (s.maxItems ?? Infinity)) return false;
    const items = s.items;
    if (items && !value.every((item) => matchesSchema(items, item))) return false;
  } else if (isObject(value)) {
    if (s.required?.some((key) => !Object.prototype.hasOwnProperty.call(value, key))) return false;
    for (const [key, inner] of Object.entries(value)) {
      const known =
        s.properties && Object.prototype.hasOwnProperty.call(s.properties, key) ? s.properties[key] : undefined;
      // `additionalProperties: false` is what zod writes for a plain object, whose parse drops unknown
      // keys rather than refusing them; so does this check: a page open while the server is updated
      // must not call a stored answer a failure because the reply gained a field.
      const rule = known ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
      if (rule && !matchesSchema(rule, inner)) return false;
      if (s.propertyNames && !matchesSchema(s.propertyNames, key)) return false;
    }
  }
  return true;
}
