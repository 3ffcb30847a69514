import { run } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { schemaErrors } from './schema-check';

/** Apply OpenAPI defaults the way the API server does (defaults of absent fields, recursively). */
export function applyDefaults(schema: any, value: any): any {
  if (value === undefined && schema.default !== undefined) value = structuredClone(schema.default);
  if (value === undefined || value === null) return value;
  if (schema.type === 'object' && schema.properties && typeof value === 'object') {
    const out: any = { ...value };
    for (const [k, sub] of Object.entries<any>(schema.properties)) {
      const v = applyDefaults(sub, out[k]);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  if (schema.type === 'array' && Array.isArray(value)) return value.map((v) => applyDefaults(schema.items, v));
  return value;
}

/** Convert JSON to CEL input typed by the schema: integers become CEL ints, objects maps. */
export function toCel(schema: any, value: any): any {
  if (value === null || value === undefined) return value;
  switch (schema?.type) {
    case 'integer':
      return BigInt(value);
    case 'number':
      return Number(value);
    case 'array':
      return value.map((v: any) => toCel(schema.items, v));
    case 'object': {
      const m = new Map<string, any>();
      for (const [k, v] of Object.entries(value)) m.set(k, toCel(schema.properties?.[k] ?? schema.additionalProperties, v));
      return m;
    }
    default:
      return value;
  }
}

/** The messages of every x-kubernetes-validations rule that `value` (defaulted) breaks. */
export function celMessages(schema: any, value: any): string[] {
  const out: string[] = [];
  const visit = (node: any, v: any) => {
    if (v === undefined || v === null || !node) return;
    for (const rule of node['x-kubernetes-validations'] ?? []) {
      const result = run(rule.rule, { self: toCel(node, v) }, { funcs: strings });
      if (result instanceof Error || (result as any)?.constructor?.name === 'CelError') {
        throw new Error(`CEL rule failed to evaluate: ${rule.rule}: ${String(result)}`);
      }
      if (result !== true) out.push(rule.message);
    }
    if (node.type === 'object' && node.properties) {
      for (const [k, sub] of Object.entries<any>(node.properties)) visit(sub, v[k]);
    }
    if (node.type === 'array' && Array.isArray(v)) v.forEach((x) => visit(node.items, x));
  };
  visit(schema, value);
  return out;
}

/**
 * Everything the API server would say about a claim's spec.parameters: OpenAPI errors first
 * (types, enums, bounds, patterns, required), then CEL rule messages on the defaulted object.
 */
export function validateParameters(parametersSchema: any, parameters: any): { schema: string[]; cel: string[] } {
  const defaulted = applyDefaults(parametersSchema, parameters);
  const schema = schemaErrors(parametersSchema, defaulted);
  return { schema, cel: schema.length ? [] : celMessages(parametersSchema, defaulted) };
}
