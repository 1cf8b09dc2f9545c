import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAutoconfig } from '@core/discovery/autoconfig-xml';
import { emailDomain } from '@core/discovery/discover';
import { parseAddressBooks, parseCalendars, type RawDavResponse } from '@core/dav/dav-collections';
import { isAllowedServerUrl } from '@core/dav/host-policy';
import { parseDaticert } from '@core/pec/daticert';
import { inspectPecMessage } from '@core/pec/inspect-pec';
import { validateProfile } from '@core/profiles/validate-profile';
import { normalizePastedPassword } from '@shared/normalize-password';
import { HAND_DATICERT, handWrittenReceipt } from '../../support/pec/hand-written';

// Hostile input against every parser that reads what a server, a file or a person hands Ponte: thousands of
// generated cases each (random text, and valid samples cut, spliced and bloated), plus the classic attacks by
// hand. Each must end — with a result or a clean refusal, never a throw — within a second.

const BOUND_MS = 1000;

// A fixed seed keeps CI repeatable; PONTE_FUZZ_SEED=<n> explores other cases (a failure prints its seed).
fc.configureGlobal({ seed: Number(process.env.PONTE_FUZZ_SEED ?? 20261123) });

function bounded<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
  return result;
}

async function boundedAsync<T>(run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
  return result;
}

/** A valid sample with random cuts, insertions and repetitions: near-misses reach deeper than noise. */
const mutated = (sample: string): fc.Arbitrary<string> =>
  fc
    .array(
      fc.record({
        at: fc.nat({ max: sample.length }),
        cut: fc.nat({ max: 40 }),
        insert: fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.constantFrom(
            '<',
            '>',
            '&',
            '&amp;',
            '&#0;',
            ']]>',
            '<!--',
            '"',
            "'",
            '\u0000',
            '\uFFFF',
            '\r\n',
          ),
        ),
        repeat: fc.nat({ max: 3 }),
      }),
      { maxLength: 8 },
    )
    .map((edits) =>
      edits.reduce(
        (text, edit) =>
          text.slice(0, edit.at) + edit.insert.repeat(edit.repeat + 1) + text.slice(edit.at + edit.cut),
        sample,
      ),
    );

const text = (sample: string): fc.Arbitrary<string> =>
  fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 }), mutated(sample));

const deep = (tag: string, levels: number): string => `<${tag}>`.repeat(levels) + `</${tag}>`.repeat(levels);
const laughs =
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';

const AUTOCONFIG = `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="example.com">
<incomingServer type="imap"><hostname>imap.example.com</hostname><port>993</port><socketType>SSL</socketType>
<username>%EMAILADDRESS%</username></incomingServer><outgoingServer type="smtp"><hostname>smtp.example.com</hostname>
<port>587</port><socketType>STARTTLS</socketType></outgoingServer></emailProvider></clientConfig>`;

const DATICERT = HAND_DATICERT;
const PEC_MESSAGE = handWrittenReceipt(HAND_DATICERT);

const PROFILE = JSON.stringify({
  profileVersion: 1,
  organisation: { name: 'Studio' },
  accounts: [
    { key: 'mail', servers: { imap: 'mail.example.com:993', caldav: 'https://dav.example.com/{login}/' } },
  ],
  settings: { reminderDays: [14, 7] },
  locked: ['reminderDays'],
});

describe('autoconfig XML', () => {
  it('random and near-valid files: a result or a reason, never a throw, within a second', () => {
    fc.assert(
      fc.property(text(AUTOCONFIG), fc.emailAddress(), (xml, email) => {
        const result = bounded(() => parseAutoconfig(xml, email));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });

  it('entity bombs and 100 000 levels of nesting are refused or read, promptly', () => {
    for (const xml of [
      laughs + AUTOCONFIG,
      deep('clientConfig', 100_000),
      `<a>${'x'.repeat(5_000_000)}</a>`,
    ]) {
      expect(bounded(() => parseAutoconfig(xml, 'a@example.com')).ok).toBe(false);
    }
  });
});

describe('PEC certification data and whole PEC messages', () => {
  it('daticert.xml, random and near-valid: parsed or refused within a second', () => {
    fc.assert(
      fc.property(text(DATICERT), (xml) => {
        const result = bounded(() => parseDaticert(Buffer.from(xml)));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });

  it('daticert.xml attacks: entities, nesting, a huge value', () => {
    const attacks = [
      laughs + DATICERT.replace(/^<\?xml[^>]*>\s*<!DOCTYPE[^>]*>/, ''),
      deep('postacert', 100_000),
      DATICERT.replace('Gestore', 'G'.repeat(5_000_000)),
    ];
    for (const xml of attacks) expect(bounded(() => parseDaticert(Buffer.from(xml))).ok).toBe(false);
  });

  it('whole messages, random and near-valid: classified or "not a valid PEC message", never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(text(PEC_MESSAGE), async (raw) => {
        const result = await boundedAsync(() => inspectPecMessage(Buffer.from(raw)));
        expect(typeof result.valid).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('provisioning profiles', () => {
  const known = (id: string): boolean => id === 'aruba-pec';
  it('any JSON, and near-valid profiles: valid or problems with pointers, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json({ maxDepth: 6 }), text(PROFILE)), (input) => {
        const result = bounded(() => validateProfile(input, known));
        if (!result.ok)
          for (const problem of result.problems) expect(problem.pointer).toMatch(/^(\/[^/]*)*$/);
      }),
      { numRuns: 3000 },
    );
  });

  it('deep nesting and a huge file end promptly', () => {
    expect(bounded(() => validateProfile('['.repeat(100_000) + ']'.repeat(100_000), known)).ok).toBe(false);
    expect(bounded(() => validateProfile(`{"a":"${'x'.repeat(5_000_000)}"}`, known)).ok).toBe(false);
  });
});

describe('DAV multistatus answers handed to our code', () => {
  // What tsdav hands over after parsing a server's XML: any shape at all.
  const response: fc.Arbitrary<RawDavResponse> = fc.record(
    {
      href: fc.anything(),
      ok: fc.anything(),
      props: fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.anything())),
    },
    { requiredKeys: [] },
  );
  it('calendars and address books from any response list: lists, never a throw', () => {
    fc.assert(
      fc.property(fc.array(response, { maxLength: 30 }), fc.webUrl(), (responses, home) => {
        const policy = { origin: new URL(home), confirmedHosts: [] };
        for (const parse of [parseCalendars, parseAddressBooks]) {
          const { kept, leftOut } = bounded(() => parse(responses, home, policy));
          // Nothing kept that the host policy refuses; nothing shown unbounded.
          for (const collection of kept)
            expect(isAllowedServerUrl(new URL(collection.url), policy.origin, [])).toBe(true);
          for (const refused of leftOut) expect(refused.url.length).toBeLessThanOrEqual(300);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('what people paste', () => {
  it('passwords: any text comes back as a string without a trailing line break', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (pasted) => {
        const password = bounded(() => normalizePastedPassword(pasted));
        expect(typeof password).toBe('string');
        expect(password).not.toMatch(/[\r\n]$/);
      }),
      { numRuns: 5000 },
    );
  });

  it('e-mail addresses: a domain or nothing, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), fc.string({ unit: 'binary', maxLength: 400 })), (typed) => {
        const domain = bounded(() => emailDomain(typed));
        if (domain !== undefined) expect(domain).not.toContain('@');
      }),
      { numRuns: 5000 },
    );
  });
});
