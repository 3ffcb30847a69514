/** The subset of Kubernetes' JSONSchemaProps that the platform API uses, typed. */
export interface ValidationRule {
  /** A CEL expression over `self`; false rejects the object. */
  readonly rule: string;
  /** The message shown to the user; it names the field and says what to do. */
  readonly message: string;
  /** Optional JSON path of the field the message is about (relative to this node). */
  readonly fieldPath?: string;
}

export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  description?: string;
  default?: unknown;
  enum?: readonly (string | number)[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  'x-kubernetes-validations'?: readonly ValidationRule[];
}

/** A described string; every parameter carries a description. */
export function str(description: string, extra: Omit<JsonSchema, 'type' | 'description'> = {}): JsonSchema {
  return { type: 'string', description, ...extra };
}

/** A described integer with bounds. */
export function int(description: string, minimum: number, maximum: number, extra: Omit<JsonSchema, 'type' | 'description' | 'minimum' | 'maximum'> = {}): JsonSchema {
  return { type: 'integer', description, minimum, maximum, ...extra };
}

/** A described number with bounds. */
export function num(description: string, minimum: number, maximum: number, extra: Omit<JsonSchema, 'type' | 'description' | 'minimum' | 'maximum'> = {}): JsonSchema {
  return { type: 'number', description, minimum, maximum, ...extra };
}

/** A described object. */
export function obj(description: string, properties: Record<string, JsonSchema>, extra: Omit<JsonSchema, 'type' | 'description' | 'properties'> = {}): JsonSchema {
  return { type: 'object', description, properties, ...extra };
}
