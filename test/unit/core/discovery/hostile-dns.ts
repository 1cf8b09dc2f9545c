import type { DnsClient, SrvTarget } from '@core/discovery/dns-client';

/** What a hostile DNS answer may carry in place of a name, one trick each. */
export const HOSTILE_NAMES = [
  'evil.example/x?',
  'evil.example/.example.com',
  'a b.example.com',
  'host:99',
  'mail.example.com:99',
  '"quoted".example.com',
  'a\u0000b.example.com',
  'mail.example.com\r\nX-Injected: 1',
  'tab\t.example.com',
  `${'a'.repeat(300)}.example.com`,
  `${'a'.repeat(64)}.example.com`,
  `${'a.'.repeat(127)}com`,
  'a..b',
  '.example.com',
  'example.com..',
  '-mail.example.com',
  'mail-.example.com',
  'mail_1.example.com',
  'user@mail.example.com',
  'mail.example.com#x',
  'mail.example.com\\x',
  'm%61il.example.com',
  'mäil.example.com',
  'ex\u212Ample.com', // the Kelvin sign lower-cases to an ASCII "k"
  'xn--a.example.com', // an A-label that is not Punycode
  '127.0.0.1',
  '10.0.0.1.',
  'mail.0x7f',
  '[::1]',
  '::1',
  '',
  '.',
] as const;

/** Canned answers by question, as a forged or hostile DNS server might give them. */
export interface Answers {
  mx?: Record<string, string[]>;
  srv?: Record<string, SrvTarget[]>;
  txt?: Record<string, string[][]>;
}

/** A stand-in for DnsClient's questions: answers only what it is given, nothing for the rest. */
export function fakeDns(answers: Answers): Pick<DnsClient, 'mx' | 'srv' | 'txt'> {
  return {
    mx: (domain) => Promise.resolve(answers.mx?.[domain] ?? []),
    srv: (name) => Promise.resolve(answers.srv?.[name] ?? []),
    txt: (name) => Promise.resolve(answers.txt?.[name] ?? []),
  };
}

/** One SRV answer; priority and weight do not matter to what is built from it. */
export const srv = (host: string, port: number): SrvTarget => ({ host, port, priority: 0, weight: 0 });
