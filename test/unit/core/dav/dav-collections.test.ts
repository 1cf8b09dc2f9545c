import { describe, expect, it } from 'vitest';
import {
  MAX_LEFT_OUT,
  type RawDavResponse,
  type ServerPolicy,
  parseAddressBooks,
  parseCalendars,
} from '@core/dav/dav-collections';

const HOME = 'https://dav.example.com/calendars/alice/';
const BOOKS = 'https://dav.example.com/addressbooks/alice/';
/** The person typed the server's root; nothing else confirmed. */
const POLICY: ServerPolicy = { origin: new URL('https://dav.example.com/'), confirmedHosts: [] };

const calendarsOf = (responses: readonly RawDavResponse[], policy = POLICY) =>
  parseCalendars(responses, HOME, policy).kept;
const booksOf = (responses: readonly RawDavResponse[], policy = POLICY) =>
  parseAddressBooks(responses, BOOKS, policy).kept;

const calendarType = { collection: {}, calendar: {} };
const addressBookType = { collection: {}, addressbook: {} };

function calendar(props: Record<string, unknown>, href: unknown = '/calendars/alice/work/'): RawDavResponse {
  return { href, ok: true, props: { resourcetype: calendarType, ...props } };
}

function addressBook(
  props: Record<string, unknown>,
  href: unknown = '/addressbooks/alice/contacts/',
): RawDavResponse {
  return { href, ok: true, props: { resourcetype: addressBookType, ...props } };
}

describe('parseCalendars', () => {
  it('reads a complete calendar', () => {
    const responses = [
      calendar({
        displayname: 'Work',
        calendarColor: '#1E90FF',
        supportedCalendarComponentSet: {
          comp: [{ _attributes: { name: 'VEVENT' } }, { _attributes: { name: 'VTODO' } }],
        },
        currentUserPrivilegeSet: { privilege: [{ read: {} }, { write: {} }] },
      }),
    ];
    expect(calendarsOf(responses)).toEqual([
      {
        url: 'https://dav.example.com/calendars/alice/work/',
        displayName: 'Work',
        color: '#1E90FF',
        components: ['VEVENT', 'VTODO'],
        readOnly: false,
      },
    ]);
  });

  it('resolves hrefs against the home URL', () => {
    const responses = [
      calendar({}, 'personal/'),
      calendar({}, '/calendars/alice/shared/'),
      calendar({}, 'https://p42-caldav.icloud.com/123/calendars/home/'),
    ];
    const icloud = { ...POLICY, confirmedHosts: ['*.icloud.com'] };
    expect(calendarsOf(responses, icloud).map((found) => found.url)).toEqual([
      'https://dav.example.com/calendars/alice/personal/',
      'https://dav.example.com/calendars/alice/shared/',
      'https://p42-caldav.icloud.com/123/calendars/home/',
    ]);
  });

  it('keeps only successful calendar collections with an href', () => {
    const responses: RawDavResponse[] = [
      { href: '/calendars/alice/', ok: true, props: { resourcetype: { collection: {} } } },
      { href: '/calendars/alice/failed/', ok: false, props: { resourcetype: calendarType } },
      { href: '/calendars/alice/no-status/', props: { resourcetype: calendarType } },
      { href: '/calendars/alice/string-ok/', ok: 'true', props: { resourcetype: calendarType } },
      { ok: true, props: { resourcetype: calendarType } },
      {
        href: '/calendars/alice/inbox/',
        ok: true,
        props: { resourcetype: { collection: {}, scheduleInbox: {} } },
      },
      { href: '/calendars/alice/book/', ok: true, props: { resourcetype: addressBookType } },
      calendar({ displayname: 'Kept' }),
    ];
    expect(calendarsOf(responses).map((found) => found.displayName)).toEqual(['Kept']);
  });

  it.each<[string, unknown]>([
    ['a string', 'Family'],
    ['CDATA', { _cdata: ' Family ' }],
    ['a text node', { _text: 'Family' }],
  ])('reads a display name given as %s', (_shape, displayname) => {
    expect(calendarsOf([calendar({ displayname })])[0]?.displayName).toBe('Family');
  });

  it('reads a display name the XML parser turned into a number', () => {
    expect(calendarsOf([calendar({ displayname: 2024 })])[0]?.displayName).toBe('2024');
  });

  it.each<[string, unknown]>([
    ['absent', undefined],
    ['empty', ''],
    ['blank', '   '],
    ['an empty element', {}],
  ])(
    'names a calendar by its last path segment, decoded, when the display name is %s',
    (_shape, displayname) => {
      const responses = [calendar({ displayname }, '/calendars/alice/Caf%C3%A9%20Team/')];
      expect(calendarsOf(responses)[0]?.displayName).toBe('Café Team');
    },
  );

  it.each([['#336699'], ['#336699CC'], ['#abcdef']])('keeps the colour %s', (calendarColor) => {
    expect(calendarsOf([calendar({ calendarColor })])[0]?.color).toBe(calendarColor);
  });

  it('reads a colour given as a text node', () => {
    expect(calendarsOf([calendar({ calendarColor: { _text: ' #336699 ' } })])[0]?.color).toBe('#336699');
  });

  it.each<[unknown]>([
    ['red'],
    ['#FFF'],
    ['#GGGGGG'],
    ['336699'],
    ['#336699; background:url(x)'],
    [336699],
    [{}],
    [null],
  ])('drops the invalid colour %j', (calendarColor) => {
    const [found] = calendarsOf([calendar({ calendarColor })]);
    expect(found).toBeDefined();
    expect(found).not.toHaveProperty('color');
  });

  it('reads a single component given as an object', () => {
    const responses = [
      calendar({ supportedCalendarComponentSet: { comp: { _attributes: { name: 'VTODO' } } } }),
    ];
    expect(calendarsOf(responses)[0]?.components).toEqual(['VTODO']);
  });

  it('lists no components when the server does not restrict them', () => {
    expect(calendarsOf([calendar({})])[0]?.components).toEqual([]);
  });

  it('drops component names that are not iCalendar component names', () => {
    const names = ['VEVENT', 'vevent', 'EVENT', 'V1', 'V', '<script>', 'VJOURNAL', ' VTODO '];
    const responses = [
      calendar({
        supportedCalendarComponentSet: { comp: names.map((name) => ({ _attributes: { name } })) },
      }),
    ];
    expect(calendarsOf(responses)[0]?.components).toEqual(['VEVENT', 'VJOURNAL', 'VTODO']);
  });

  it.each<[string, unknown, boolean]>([
    ['read only', { privilege: [{ read: {} }] }, true],
    ['read and write', { privilege: [{ read: {} }, { write: {} }] }, false],
    ['write-content', { privilege: [{ read: {} }, { writeContent: {} }] }, false],
    ['bind', { privilege: [{ read: {} }, { bind: {} }] }, false],
    ['all', { privilege: [{ all: {} }] }, false],
    ['a single write privilege', { privilege: { write: {} } }, false],
    ['write-properties only', { privilege: [{ read: {} }, { writeProperties: {} }] }, true],
    ['no privilege at all', {}, true],
  ])('reads a privilege set granting %s', (_granted, currentUserPrivilegeSet, readOnly) => {
    expect(calendarsOf([calendar({ currentUserPrivilegeSet })])[0]?.readOnly).toBe(readOnly);
  });

  it('takes a calendar as writable when the server reports no privileges', () => {
    expect(calendarsOf([calendar({})])[0]?.readOnly).toBe(false);
  });
});

describe('parseAddressBooks', () => {
  it('reads address books and nothing else', () => {
    const responses: RawDavResponse[] = [
      addressBook({
        displayname: 'Contacts',
        currentUserPrivilegeSet: { privilege: [{ read: {} }, { write: {} }] },
      }),
      addressBook({ currentUserPrivilegeSet: { privilege: [{ read: {} }] } }, 'company%20directory/'),
      { href: '/addressbooks/alice/', ok: true, props: { resourcetype: { collection: {} } } },
      { href: '/addressbooks/alice/gone/', ok: false, props: { resourcetype: addressBookType } },
      { ok: true, props: { resourcetype: addressBookType } },
      calendar({ displayname: 'Not a book' }),
    ];
    expect(booksOf(responses)).toEqual([
      {
        url: 'https://dav.example.com/addressbooks/alice/contacts/',
        displayName: 'Contacts',
        readOnly: false,
      },
      {
        url: 'https://dav.example.com/addressbooks/alice/company%20directory/',
        displayName: 'company directory',
        readOnly: true,
      },
    ]);
  });
});

describe('collections at addresses the password may not go to', () => {
  // The person typed https://same-host/ (port 443); the home set is on it.
  const origin = new URL('https://same-host/');
  const home = 'https://same-host/calendars/alice/';
  const policy: ServerPolicy = { origin, confirmedHosts: [] };
  const listed = (...hrefs: string[]): RawDavResponse[] =>
    hrefs.map((href) => ({
      href,
      ok: true,
      props: { resourcetype: { ...calendarType, ...addressBookType } },
    }));

  it.each<[string, string]>([
    ['http://same-host/cal/', 'insecure'],
    ['https://evil.example/cal/', 'otherServer'],
    ['https://same-host:8443/cal/', 'otherServer'],
    ['//evil.example/cal/', 'otherServer'],
    ['https://same-host.evil.example/', 'otherServer'],
    ['https://user:pw@same-host/cal/', 'invalid'],
    ['https://a!b/cal/', 'invalid'],
    ['http://[', 'invalid'],
  ])('leaves out %s (%s), for calendars and address books alike', (href, reason) => {
    const calendars = parseCalendars(listed(href), home, policy);
    const books = parseAddressBooks(listed(href), home, policy);
    expect(calendars.kept).toEqual([]);
    expect(books.kept).toEqual([]);
    expect(calendars.leftOut).toEqual([{ url: expect.any(String), reason }]);
    expect(books.leftOut).toEqual(calendars.leftOut);
  });

  it('keeps a relative href and the same host written in capitals with the root dot', () => {
    const found = parseCalendars(listed('/cal/', 'work/', 'https://SAME-HOST./cal/'), home, policy);
    expect(found.kept.map((calendar) => calendar.url)).toEqual([
      'https://same-host/cal/',
      'https://same-host/calendars/alice/work/',
      'https://same-host./cal/',
    ]);
    expect(found.leftOut).toEqual([]);
  });

  it('keeps the good calendar and reports the other, in one answer', () => {
    const found = parseCalendars(listed('/calendars/alice/work/', 'https://evil.example/cal/'), home, policy);
    expect(found.kept.map((calendar) => calendar.url)).toEqual(['https://same-host/calendars/alice/work/']);
    expect(found.leftOut).toEqual([{ url: 'https://evil.example/cal/', reason: 'otherServer' }]);
  });

  it('leaves out an address longer than any program keeps (2048 characters)', () => {
    const found = parseCalendars(listed(`/cal/${'x'.repeat(2100)}/`, '/cal/ok/'), home, policy);
    expect(found.kept.map((calendar) => calendar.url)).toEqual(['https://same-host/cal/ok/']);
    expect(found.leftOut).toEqual([{ url: expect.stringMatching(/…$/), reason: 'invalid' }]);
  });

  it('reports at most MAX_LEFT_OUT of a home set that lists thousands elsewhere', () => {
    const hrefs = Array.from({ length: 5000 }, (_, index) => `https://evil${index}.example/cal/`);
    const found = parseCalendars(listed('/cal/', ...hrefs), home, policy);
    expect(found.kept).toHaveLength(1);
    expect(found.leftOut).toHaveLength(MAX_LEFT_OUT);
  });

  it('keeps collections on a confirmed host on 443, not on another port', () => {
    const icloud: ServerPolicy = {
      origin: new URL('https://caldav.icloud.com/'),
      confirmedHosts: ['*.icloud.com'],
    };
    const found = parseCalendars(
      listed(
        'https://p42-caldav.icloud.com/123/calendars/home/',
        'https://p42-caldav.icloud.com:8443/123/calendars/work/',
        'https://xicloud.com/123/calendars/home/',
      ),
      'https://p42-caldav.icloud.com/123/calendars/',
      icloud,
    );
    expect(found.kept.map((calendar) => calendar.url)).toEqual([
      'https://p42-caldav.icloud.com/123/calendars/home/',
    ]);
    expect(found.leftOut).toEqual([
      { url: 'https://p42-caldav.icloud.com:8443/123/calendars/work/', reason: 'otherServer' },
      { url: 'https://xicloud.com/123/calendars/home/', reason: 'otherServer' },
    ]);
  });

  it('shows a left-out address without its user-info (marked as removed), query or fragment', () => {
    const found = parseCalendars(
      listed('http://anna:s3cret@evil.example/cal/?token=abc#x', 'http://anna:s3cret@[/cal/'),
      home,
      policy,
    );
    expect(found.leftOut).toEqual([
      { url: 'http://…@evil.example/cal/', reason: 'insecure' },
      { url: 'http://…@[/cal/', reason: 'invalid' },
    ]);
    expect(JSON.stringify(found.leftOut)).not.toContain('s3cret');
  });

  it('shows at most 300 characters of a left-out address, and no control characters', () => {
    const found = parseCalendars(
      listed(`https://evil.example/${'a'.repeat(1_000)}/`, 'http://[\u001b[31m'),
      home,
      policy,
    );
    const [long, escaped] = found.leftOut;
    expect(long?.url).toHaveLength(300);
    expect(long?.url.endsWith('…')).toBe(true);
    expect(escaped?.url).not.toMatch(/\p{C}/u);
  });
});

describe('hostile PROPFIND answers', () => {
  const huge = 'A'.repeat(1_000_000);

  const hostile: RawDavResponse[] = [
    { href: '/x/', ok: true, props: null },
    { href: '/x/', ok: true, props: [] },
    { href: '/x/', ok: true, props: 'calendar' },
    { href: '/x/', ok: true, props: 42 },
    { href: '/x/', ok: true },
    { href: ['/a/', '/b/'], ok: true, props: { resourcetype: calendarType } },
    { href: { _text: ['/a/'] }, ok: true, props: { resourcetype: calendarType } },
    { href: null, ok: true, props: { resourcetype: calendarType } },
    { href: 'http://[', ok: true, props: { resourcetype: calendarType } },
    { href: '/x/', ok: true, props: { resourcetype: [calendarType] } },
    { href: '/x/', ok: true, props: { resourcetype: 'calendar' } },
    { href: '/x/', ok: true, props: { resourcetype: null } },
    {
      href: '/y/',
      ok: true,
      props: {
        resourcetype: { ...calendarType, ...addressBookType },
        displayname: [],
        calendarColor: ['#336699'],
        supportedCalendarComponentSet: [{ comp: { _attributes: { name: 'VEVENT' } } }],
        currentUserPrivilegeSet: [],
      },
    },
    {
      href: '/z/',
      ok: true,
      props: {
        resourcetype: { ...calendarType, ...addressBookType },
        displayname: { _cdata: null, _text: { nested: true } },
        calendarColor: null,
        supportedCalendarComponentSet: {
          comp: [
            null,
            1,
            'VEVENT',
            [],
            { _attributes: [] },
            { _attributes: null },
            { _attributes: { name: {} } },
          ],
        },
        currentUserPrivilegeSet: { privilege: [null, 'write', 5, [], { write: null }] },
      },
    },
    {
      href: '/n/',
      ok: true,
      props: {
        resourcetype: { ...calendarType, ...addressBookType },
        displayname: null,
        supportedCalendarComponentSet: null,
        currentUserPrivilegeSet: null,
      },
    },
    {
      href: `/${huge}/`,
      ok: true,
      props: {
        resourcetype: { ...calendarType, ...addressBookType },
        displayname: huge,
        calendarColor: huge,
        supportedCalendarComponentSet: { comp: { _attributes: { name: `V${huge}` } } },
      },
    },
  ];

  it('never throws on calendars, and keeps what is usable', () => {
    const found = calendarsOf(hostile);
    expect(found.map((calendar) => new URL(calendar.url).pathname.length < 10 && calendar.url)).toEqual([
      'https://dav.example.com/y/',
      'https://dav.example.com/z/',
      'https://dav.example.com/n/',
    ]);
    // The one with a huge href is no address a program keeps: left out, said why.
    expect(parseCalendars(hostile, HOME, POLICY).leftOut).toContainEqual({
      url: expect.stringMatching(/^https:\/\/dav\.example\.com\/A+…$/),
      reason: 'invalid',
    });
    for (const calendar of found) {
      expect(calendar).not.toHaveProperty('color');
      expect(typeof calendar.displayName).toBe('string');
      expect(Array.isArray(calendar.components)).toBe(true);
    }
    expect(found[1]?.components).toEqual([]);
  });

  it('never throws on address books', () => {
    const found = booksOf(hostile);
    expect(found.map((book) => new URL(book.url).pathname.length < 10 && book.displayName)).toEqual([
      'y',
      'z',
      'n',
    ]);
  });

  it('never throws on a huge number of responses', () => {
    const many = Array.from({ length: 20_000 }, (_, index) => calendar({}, `/c/${index}/`));
    expect(calendarsOf(many)).toHaveLength(20_000);
  });

  it('never throws on a malformed percent-escape in an href without a display name', () => {
    const responses = [calendar({}, '/calendars/alice/%E0%A4%A/'), calendar({}, '/calendars/alice/100%/')];
    expect(() => calendarsOf(responses)).not.toThrow();
    expect(() => booksOf([addressBook({}, '/addressbooks/alice/%ZZ/')])).not.toThrow();
  });
});
