import { describe, expect, it } from 'vitest';
import { type RawDavResponse, parseAddressBooks, parseCalendars } from '@core/dav/dav-collections';

const HOME = 'https://dav.example.com/calendars/alice/';
const BOOKS = 'https://dav.example.com/addressbooks/alice/';

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
    expect(parseCalendars(responses, HOME)).toEqual([
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
    expect(parseCalendars(responses, HOME).map((found) => found.url)).toEqual([
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
    expect(parseCalendars(responses, HOME).map((found) => found.displayName)).toEqual(['Kept']);
  });

  it.each<[string, unknown]>([
    ['a string', 'Family'],
    ['CDATA', { _cdata: ' Family ' }],
    ['a text node', { _text: 'Family' }],
  ])('reads a display name given as %s', (_shape, displayname) => {
    expect(parseCalendars([calendar({ displayname })], HOME)[0]?.displayName).toBe('Family');
  });

  it('reads a display name the XML parser turned into a number', () => {
    expect(parseCalendars([calendar({ displayname: 2024 })], HOME)[0]?.displayName).toBe('2024');
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
      expect(parseCalendars(responses, HOME)[0]?.displayName).toBe('Café Team');
    },
  );

  it.each([['#336699'], ['#336699CC'], ['#abcdef']])('keeps the colour %s', (calendarColor) => {
    expect(parseCalendars([calendar({ calendarColor })], HOME)[0]?.color).toBe(calendarColor);
  });

  it('reads a colour given as a text node', () => {
    expect(parseCalendars([calendar({ calendarColor: { _text: ' #336699 ' } })], HOME)[0]?.color).toBe(
      '#336699',
    );
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
    const [found] = parseCalendars([calendar({ calendarColor })], HOME);
    expect(found).toBeDefined();
    expect(found).not.toHaveProperty('color');
  });

  it('reads a single component given as an object', () => {
    const responses = [
      calendar({ supportedCalendarComponentSet: { comp: { _attributes: { name: 'VTODO' } } } }),
    ];
    expect(parseCalendars(responses, HOME)[0]?.components).toEqual(['VTODO']);
  });

  it('lists no components when the server does not restrict them', () => {
    expect(parseCalendars([calendar({})], HOME)[0]?.components).toEqual([]);
  });

  it('drops component names that are not iCalendar component names', () => {
    const names = ['VEVENT', 'vevent', 'EVENT', 'V1', 'V', '<script>', 'VJOURNAL', ' VTODO '];
    const responses = [
      calendar({
        supportedCalendarComponentSet: { comp: names.map((name) => ({ _attributes: { name } })) },
      }),
    ];
    expect(parseCalendars(responses, HOME)[0]?.components).toEqual(['VEVENT', 'VJOURNAL', 'VTODO']);
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
    expect(parseCalendars([calendar({ currentUserPrivilegeSet })], HOME)[0]?.readOnly).toBe(readOnly);
  });

  it('takes a calendar as writable when the server reports no privileges', () => {
    expect(parseCalendars([calendar({})], HOME)[0]?.readOnly).toBe(false);
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
    expect(parseAddressBooks(responses, BOOKS)).toEqual([
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
    const found = parseCalendars(hostile, HOME);
    expect(found.map((calendar) => new URL(calendar.url).pathname.length < 10 && calendar.url)).toEqual([
      'https://dav.example.com/y/',
      'https://dav.example.com/z/',
      'https://dav.example.com/n/',
      false,
    ]);
    for (const calendar of found) {
      expect(calendar).not.toHaveProperty('color');
      expect(typeof calendar.displayName).toBe('string');
      expect(Array.isArray(calendar.components)).toBe(true);
    }
    expect(found[1]?.components).toEqual([]);
  });

  it('never throws on address books', () => {
    const found = parseAddressBooks(hostile, BOOKS);
    expect(found.map((book) => new URL(book.url).pathname.length < 10 && book.displayName)).toEqual([
      'y',
      'z',
      'n',
      false,
    ]);
  });

  it('never throws on a huge number of responses', () => {
    const many = Array.from({ length: 20_000 }, (_, index) => calendar({}, `/c/${index}/`));
    expect(parseCalendars(many, HOME)).toHaveLength(20_000);
  });

  it('never throws on a malformed percent-escape in an href without a display name', () => {
    const responses = [calendar({}, '/calendars/alice/%E0%A4%A/'), calendar({}, '/calendars/alice/100%/')];
    expect(() => parseCalendars(responses, HOME)).not.toThrow();
    expect(() => parseAddressBooks([addressBook({}, '/addressbooks/alice/%ZZ/')], BOOKS)).not.toThrow();
  });
});
