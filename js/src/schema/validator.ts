/**
 * A JSON Schema validator for the subset the wire schemas use: type, const, enum, required, properties,
 * additionalProperties, oneOf, $ref (local "#/..." pointers), minimum/maximum, minLength/maxLength, pattern,
 * items, minItems.
 * Driven by the schema JSON itself, so the schema files stay the single source of truth.
 */

export interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  $ref?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  items?: JsonSchema;
  minItems?: number;
  [keyword: string]: unknown;
}

/** Why a value failed: a JSON-pointer-like path and a reason; null when the value is valid. */
export type ValidationError = { path: string; reason: string } | null;

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "null":
      return value === null;
    default:
      throw new Error(`Unsupported schema type "${type}"`);
  }
}

const patterns = new Map<string, RegExp>();

/** JSON Schema patterns are ECMA-262 regular expressions, unanchored unless they say otherwise. */
function matchesPattern(pattern: string, value: string): boolean {
  let regex = patterns.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(pattern, "u");
    patterns.set(pattern, regex);
  }
  return regex.test(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === "object" && JSON.stringify(a) === JSON.stringify(b));
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  if (!ref.startsWith("#")) throw new Error(`Only local $ref is supported, got "${ref}"`);
  let node: unknown = root;
  for (const raw of ref.slice(1).split("/").filter(Boolean)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  if (typeof node !== "object" || node === null) throw new Error(`Unresolvable $ref "${ref}"`);
  return node as JsonSchema;
}

function check(root: JsonSchema, schema: JsonSchema, value: unknown, path: string): ValidationError {
  const fail = (reason: string): ValidationError => ({ path: path || "/", reason });
  if (schema.$ref !== undefined) {
    const error = check(root, resolveRef(root, schema.$ref), value, path);
    if (error) return error;
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeMatches(t, value))) return fail(`expected ${types.join(" or ")}`);
  }
  if ("const" in schema && !sameJson(schema.const, value))
    return fail(`expected ${JSON.stringify(schema.const)}`);
  if (schema.enum !== undefined && !schema.enum.some((option) => sameJson(option, value))) {
    return fail(`expected one of ${schema.enum.map((o) => JSON.stringify(o)).join(", ")}`);
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum)
      return fail(`below minimum ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum)
      return fail(`above maximum ${schema.maximum}`);
  }
  if (typeof value === "string") {
    if (schema.minLength !== undefined && value.length < schema.minLength) return fail("string too short");
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return fail("string too long");
    if (schema.pattern !== undefined && !matchesPattern(schema.pattern, value))
      return fail(`does not match ${schema.pattern}`);
  }
  if (Array.isArray(value) && schema.minItems !== undefined && value.length < schema.minItems)
    return fail(`fewer than ${schema.minItems} items`);
  if (Array.isArray(value) && schema.items !== undefined) {
    for (let i = 0; i < value.length; i++) {
      const error = check(root, schema.items, value[i], `${path}/${i}`);
      if (error) return error;
    }
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) return fail(`missing required "${key}"`);
    }
    const properties = schema.properties ?? {};
    for (const [key, child] of Object.entries(record)) {
      const propertySchema = properties[key];
      if (propertySchema !== undefined) {
        const error = check(root, propertySchema, child, `${path}/${key}`);
        if (error) return error;
      } else if (schema.additionalProperties === false) {
        return fail(`unexpected property "${key}"`);
      } else if (typeof schema.additionalProperties === "object") {
        const error = check(root, schema.additionalProperties, child, `${path}/${key}`);
        if (error) return error;
      }
    }
  }
  if (schema.oneOf !== undefined) {
    const matches = schema.oneOf.filter((option) => check(root, option, value, path) === null).length;
    if (matches !== 1)
      return fail(matches === 0 ? "matches no allowed message shape" : "matches several shapes");
  }
  return null;
}

/** Validate `value` against `schema`, resolving $ref inside `schema` itself. */
export function validate(schema: JsonSchema, value: unknown): ValidationError {
  return check(schema, schema, value, "");
}

/** A type guard for messages of type T described by `schema`. */
export function makeGuard<T>(schema: JsonSchema): (value: unknown) => value is T {
  return (value: unknown): value is T => validate(schema, value) === null;
}
