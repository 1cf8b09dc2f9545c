// `npm run catalog:schema`: regenerates resources/providers/provider.schema.json from the code's schema.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { providerJsonSchema } from '@core/providers/write-json-schema';

writeFileSync(join(__dirname, '../../resources/providers/provider.schema.json'), providerJsonSchema());
