import { z } from 'zod';

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const languageSchema = z.enum(LANGUAGES);

export const localizedTextSchema = z.strictObject({
  fi: z.string().trim().min(1).max(200),
  sv: z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/**
 * Marks a credential (a password, a one-time code, a token): compared with a hash and never stored as typed,
 * so the server's henkilötunnus guard does not read it (a random token may spell a valid code by chance).
 * The mark shows in the OpenAPI document as `"x-secret": true`. Anything else a request carries is free text
 * to the guard; see docs/architecture.md, "Request input".
 */
export const SECRET_MARK = 'x-secret';
export const secret = <T extends z.ZodType>(schema: T): T => schema.meta({ [SECRET_MARK]: true });

export const uuidSchema = z.uuid();
export const idParams = z.strictObject({ id: z.uuid() });

/** RFC 9457 problem details; `code` is stable and the web app translates it. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
  /** Values the UI puts into its translated message (e.g. which agency, task and date). */
  params: z.record(z.string(), z.string()).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));

/** E.164 after normalising Finnish local forms (040 123 4567 → +358401234567). */
export function normalizePhone(input: string): string | undefined {
  const compact = input.replace(/[\s\-().]/g, '');
  let e164: string;
  if (/^\+\d+$/.test(compact)) e164 = compact;
  else if (/^00\d+$/.test(compact)) e164 = `+${compact.slice(2)}`;
  else if (/^0\d+$/.test(compact)) e164 = `+358${compact.slice(1)}`;
  else return undefined;
  return /^\+[1-9]\d{6,14}$/.test(e164) ? e164 : undefined;
}

export const phoneSchema = z
  .string()
  .trim()
  .max(32)
  .transform((v, ctx) => {
    const n = normalizePhone(v);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: 'invalid phone number', params: { code: 'phone.invalid' } });
      return z.NEVER;
    }
    return n;
  });
