import { z } from 'zod';
import type { AccountSelection } from './models';

/** The wizard's choose step, as IPC accepts it and accounts.json keeps it. */
export const selectionSchema = z
  .object({
    calendars: z.array(z.string().max(2048)).max(500),
    addressBooks: z.array(z.string().max(2048)).max(500),
    mountDrive: z.boolean(),
    setUpMail: z.boolean(),
  })
  .strict() satisfies z.ZodType<AccountSelection>;
