import { z } from 'zod/mini';
import type { AccountSelection } from './models';

/**
 * The wizard's choose step, as IPC accepts it and accounts.json keeps it. zod/mini (like every schema every
 * command reads from disk): classic zod's chainable API costs each start of `ponte` some 20 ms to load.
 */
export const selectionSchema = z.strictObject({
  calendars: z.array(z.string().check(z.maxLength(2048))).check(z.maxLength(500)),
  addressBooks: z.array(z.string().check(z.maxLength(2048))).check(z.maxLength(500)),
  mountDrive: z.boolean(),
  setUpMail: z.boolean(),
}) satisfies z.ZodMiniType<AccountSelection>;
