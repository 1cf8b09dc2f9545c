// `npm run catalog:schema`: regenerates the published JSON Schemas from the code's schemas: the provider
// catalog's (resources/providers/provider.schema.json) and the provisioning profile's
// (resources/profiles/profile-v1.schema.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { providerJsonSchema } from '@core/providers/write-json-schema';
import { profileJsonSchema } from '@core/profiles/profile-schema';

const resources = join(__dirname, '../../resources');
writeFileSync(join(resources, 'providers/provider.schema.json'), providerJsonSchema());
mkdirSync(join(resources, 'profiles'), { recursive: true });
writeFileSync(join(resources, 'profiles/profile-v1.schema.json'), profileJsonSchema());
