import { z } from 'zod';
import { providerSchema } from './provider-schema';

/** The catalog's JSON Schema as published in resources/providers/provider.schema.json. */
export function providerJsonSchema(): string {
  const schema = z.toJSONSchema(providerSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'Ponte provider catalog entry' }, null, 2)}\n`;
}
