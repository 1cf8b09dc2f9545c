// What keeps a password out of ponte.log, --verbose output and the support report: every value the process
// was told is secret, in each form it travels in, and the generic shapes a credential takes in text whoever
// it belongs to. Over-scrubbing a line costs a support person a word; under-scrubbing leaks a password.

const MASK = '***';

/** Shorter values would blank out unrelated text; they are never valid app passwords anyway. */
const MIN_SECRET_LENGTH = 4;

/** Characters of base64 and base64url: a run of them holding a secret's encoding is masked whole. */
const BASE64_RUN = /[A-Za-z0-9+/_-]{8,}={0,2}/g;

const QUOTED_OR_BARE = `("(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'|[^\\s&,;}\\])"']+)`;

const GENERIC_FORMS: readonly [RegExp, (match: string, ...groups: string[]) => string][] = [
  // https://user:password@host — the user stays, it says which account.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*):[^\s/?#]*@/gi, (_m, head) => `${head}:${MASK}@`],
  // Authorization: Basic … / Bearer … / Digest …, as a header line (to its end) or a quoted value.
  [
    /\b((?:proxy-)?authorization["']?\s*[:=]\s*)(?:(["'])((?:\\.|(?!\2)[^\\\r\n])*)\2|([^\r\n]*))/gi,
    (_m, head, quote, quotedValue, bareValue) => {
      const scheme = /^(basic|bearer|digest|negotiate|ntlm|token)\s/i.exec(
        quotedValue ?? bareValue ?? '',
      )?.[1];
      const masked = scheme ? `${scheme} ${MASK}` : MASK;
      return quote ? `${head}${quote}${masked}${quote}` : `${head}${masked}`;
    },
  ],
  // SASL on the wire (SMTP AUTH, IMAP AUTHENTICATE): the initial response is base64 of the credentials.
  // Upper case as clients send it, so prose ("could not authenticate login for …") is left alone.
  [
    /\b(AUTH(?:ENTICATE)?\s+(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER|CRAM-MD5)\s+)\S+/g,
    (_m, head) => `${head}${MASK}`,
  ],
  // IMAP `a1 LOGIN user password` (RFC 3501 §6.2.3), the password quoted or bare.
  [
    /(\bLOGIN\s+(?:"(?:[^"\\]|\\.)*"|[^\s"]+)\s+)("(?:[^"\\]|\\.)*"|[^\s"]+)/g,
    (_m, head) => `${head}${MASK}`,
  ],
  // password=…, "password": "…", token: … (query strings, JSON, form bodies, library dumps).
  [
    new RegExp(
      `(\\b[\\w-]*?(?:password|passwd|passphrase|pwd|pass|secret|token|api[_-]?key)["']?\\s*[:=]\\s*)${QUOTED_OR_BARE}`,
      'gi',
    ),
    (_m, head, value) => `${head}${quoted(value ?? '')}`,
  ],
];

/** `text` without the given secrets (in any of their forms) nor any credential in a generic form. */
export function scrubLogText(text: string, secrets: Iterable<string> = []): string {
  let scrubbed = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) scrubbed = scrubKnownSecret(scrubbed, secret);
  }
  for (const [pattern, replace] of GENERIC_FORMS) scrubbed = scrubbed.replace(pattern, replace);
  return scrubbed;
}

function scrubKnownSecret(text: string, secret: string): string {
  let scrubbed = text;
  for (const form of literalForms(secret)) scrubbed = scrubbed.split(form).join(MASK);
  const cores = base64Cores(secret);
  if (cores.length === 0) return scrubbed;
  return scrubbed.replace(BASE64_RUN, (run) => (cores.some((core) => run.includes(core)) ? MASK : run));
}

/** As typed, URL-encoded (a query or form body) and JSON-escaped (a quote or backslash in it). */
function literalForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/**
 * The part of the secret's base64 that is the same wherever it sits in an encoded blob: the secret alone
 * (AUTH LOGIN), after `login:` (Basic) or `\0login\0` (SASL PLAIN). Base64 encodes 3 bytes per 4 characters,
 * so for each of the 3 offsets the secret can start at, the characters of the groups wholly inside it are
 * fixed; the login need not be known.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const shifted = Buffer.concat([Buffer.alloc(offset), bytes]);
    const encoded = shifted.toString('base64');
    const core = encoded.slice(offset === 0 ? 0 : 4, Math.floor(shifted.length / 3) * 4);
    // Fewer than 6 bytes of the secret would match unrelated base64 by chance.
    if (core.length >= 8) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

function quoted(value: string): string {
  const quote = value[0];
  return quote === '"' || quote === "'" ? `${quote}${MASK}${quote}` : MASK;
}
