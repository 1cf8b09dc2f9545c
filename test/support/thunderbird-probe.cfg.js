// Ponte's Thunderbird probe. AutoConfig skips this first line and runs the rest inside Thunderbird.
/* global Services, Cc, Ci, Cu, ChromeUtils, IOUtils */

// This is not Node code: Thunderbird runs it privileged at startup, before the profile's prefs.js is read
// (test/support/thunderbird.ts installs it into a private copy of the install). A start that is not one of
// ours (no PONTE_PROBE_OUT) is left alone. Everything it learns goes as one JSON file to PONTE_PROBE_OUT;
// then it quits Thunderbird itself.
(function ponteProbe() {
  const env = Services.env;
  const outPath = env.get('PONTE_PROBE_OUT');
  if (!outPath) return;
  const parsePath = env.get('PONTE_PROBE_PARSE');
  const wantsView = env.get('PONTE_PROBE_VIEW') === '1';
  const online = env.get('PONTE_PROBE_ONLINE') === '1';
  const syncPath = env.get('PONTE_PROBE_SYNC');
  const autoconfigPath = env.get('PONTE_PROBE_AUTOCONFIG');

  // The AutoConfig scope has none of these by default.
  Cu.importGlobalProperties(['AbortController', 'DOMParser', 'IOUtils', 'TextDecoder']);

  // A sync starts offline too: the logins must be in place before anything asks a server (a password
  // prompt cannot be answered headless), then it goes online itself (see sync()).
  if (!online || syncPath) {
    // Offline before the profile starts: Thunderbird's offline-startup code then leaves it so, and neither
    // mail nor calendars nor address books try their servers. A default, so nothing is saved to prefs.js.
    Services.prefs.getDefaultBranch('').setIntPref('offline.startup_state', 3);
    Services.io.manageOfflineStatus = false;
    Services.io.offline = true;
  }

  const answer = {};
  let finished = false;
  function finish(failure) {
    if (finished) return;
    finished = true;
    if (failure) answer.probeError = failure.stack ? `${failure}\n${failure.stack}` : String(failure);
    IOUtils.writeUTF8(outPath, JSON.stringify(answer), { tmpPath: `${outPath}.part` })
      .catch(() => {})
      .then(() => Services.startup.quit(Ci.nsIAppStartup.eForceQuit));
  }

  // libpref hands names, values and messages over as 8-bit strings, one character per byte: turn the bytes
  // back into text the way Thunderbird's own readers of a string pref do (UTF-8).
  const utf8 = new TextDecoder('utf-8');
  function fromBytes(text) {
    return utf8.decode(Uint8Array.from(text, (c) => c.charCodeAt(0)));
  }

  async function parsePrefs() {
    const bytes = await IOUtils.read(parsePath);
    const prefs = [];
    const errors = [];
    const add = (kind) => (_prefKind, name, value) =>
      prefs.push({ name: fromBytes(name), kind, value: kind === 'string' ? fromBytes(value) : value });
    Services.prefs.parsePrefsFromBuffer(
      bytes,
      {
        onStringPref: add('string'),
        onIntPref: add('int'),
        onBoolPref: add('bool'),
        onError: (message) => errors.push(fromBytes(message)),
      },
      // The name errors are reported under, in place of the temp file's path.
      'prefs.js',
    );
    answer.parsed = { prefs, errors };
  }

  function userPrefs() {
    const prefs = {};
    for (const name of Services.prefs.getChildList('').sort()) {
      if (!Services.prefs.prefHasUserValue(name)) continue;
      switch (Services.prefs.getPrefType(name)) {
        case Ci.nsIPrefBranch.PREF_STRING:
          prefs[name] = Services.prefs.getStringPref(name);
          break;
        case Ci.nsIPrefBranch.PREF_INT:
          prefs[name] = Services.prefs.getIntPref(name);
          break;
        case Ci.nsIPrefBranch.PREF_BOOL:
          prefs[name] = Services.prefs.getBoolPref(name);
          break;
      }
    }
    return prefs;
  }

  function view() {
    const { MailServices } = ChromeUtils.importESModule('resource:///modules/MailServices.sys.mjs');
    const { cal } = ChromeUtils.importESModule('resource:///modules/calendar/calUtils.sys.mjs');
    const accounts = MailServices.accounts.accounts.map((account) => {
      const server = account.incomingServer;
      return {
        key: account.key,
        incoming: server && {
          type: server.type,
          hostName: server.hostname,
          port: server.port,
          username: server.username,
          socketType: server.socketType,
          authMethod: server.authMethod,
          prettyName: server.prettyName,
        },
        identities: account.identities.map((identity) => ({
          key: identity.key,
          email: identity.email,
          fullName: identity.fullName,
          smtpServerKey: identity.smtpServerKey,
        })),
      };
    });
    const outgoingServers = MailServices.outgoingServer.servers.map((server) => {
      const smtp = server instanceof Ci.nsISmtpServer ? server : null;
      return {
        key: server.key,
        type: server.type,
        hostname: smtp ? smtp.hostname : server.serverURI.host,
        port: smtp ? smtp.port : server.serverURI.port,
        username: server.username,
        socketType: server.socketType,
        authMethod: server.authMethod,
        description: server.description,
      };
    });
    const calendars = cal.manager.getCalendars().map((calendar) => {
      const username = calendar.getProperty('username');
      const color = calendar.getProperty('color');
      return {
        id: calendar.id,
        name: calendar.name,
        type: calendar.type,
        uri: calendar.uri.spec,
        ...(username ? { username } : {}),
        ...(color ? { color } : {}),
      };
    });
    const addressBooks = MailServices.ab.directories.map((book) => {
      // Read as Thunderbird's CardDAV code reads them, from the directory's branch with getStringPref:
      // through XPConnect, getStringValue garbles non-ASCII characters, which the code itself never sees.
      const branch = (name) => Services.prefs.getStringPref(`${book.dirPrefId}.${name}`, '');
      const url = branch('carddav.url');
      const username = branch('carddav.username');
      return {
        dirPrefId: book.dirPrefId,
        dirName: book.dirName,
        dirType: book.dirType,
        ...(url ? { url } : {}),
        ...(username ? { username } : {}),
      };
    });
    answer.view = { accounts, outgoingServers, calendars, addressBooks, prefs: userPrefs() };
    answer.offline = Services.io.offline;
  }

  const { setTimeout } = ChromeUtils.importESModule('resource://gre/modules/Timer.sys.mjs');
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Waits until `read` gives a list longer than `least`, or `ms` passed; returns the last reading. */
  async function poll(read, ms, least = 0) {
    const deadline = Date.now() + ms;
    let last = [];
    while (Date.now() < deadline) {
      try {
        last = await read();
      } catch {
        // Not ready yet (a folder or calendar still starting): ask again.
        last = [];
      }
      if (last.length > least) return last;
      await sleep(250);
    }
    return last;
  }

  // What a person does on first use: answer the password prompts (stored as Thunderbird stores them, an
  // IMAP password on the server, HTTP logins by origin and realm), go online, and let each account log in
  // and each calendar and address book fetch what the server has.
  async function sync() {
    const request = JSON.parse(new TextDecoder().decode(await IOUtils.read(syncPath)));
    const { MailServices } = ChromeUtils.importESModule('resource:///modules/MailServices.sys.mjs');
    const { cal } = ChromeUtils.importESModule('resource:///modules/calendar/calUtils.sys.mjs');
    const { CardDAVDirectory } = ChromeUtils.importESModule('resource:///modules/CardDAVDirectory.sys.mjs');
    for (const login of request.logins) {
      const info = Cc['@mozilla.org/login-manager/loginInfo;1'].createInstance(Ci.nsILoginInfo);
      info.init(login.origin, null, login.realm, login.username, login.password, '', '');
      await Services.logins.addLoginAsync(info);
    }
    Services.io.offline = false;
    const waitMs = request.waitMs || 15000;

    // Only the account whose password was given: the person's own would wait for a server that is not there.
    const imap = [];
    for (const account of MailServices.accounts.accounts) {
      const server = account.incomingServer;
      if (!server || server.type !== 'imap' || server.username !== request.imap.username) continue;
      server.password = request.imap.password;
      // Logged in, Thunderbird lists the server's folders (LIST), as it does for the folder pane. Every
      // profile has a local INBOX before that: wait for more.
      server.performExpand(null);
      const folders = await poll(
        () => server.rootFolder.subFolders.filter((folder) => !folder.noSelect).map((folder) => folder.name),
        waitMs,
        1,
      );
      // LIST answers arrive one folder at a time: the list is read once it stayed the same for a second.
      let settled = folders;
      for (let stable = 0; stable < 4; stable += 1) {
        await sleep(250);
        const now = server.rootFolder.subFolders.filter((folder) => !folder.noSelect).map((f) => f.name);
        if (now.length !== settled.length) stable = -1;
        settled = now;
      }
      imap.push({ hostName: server.hostname, username: server.username, folders: settled.sort() });
    }

    // All at once: a calendar with nothing in it is only known to be empty when the wait is over.
    const calendars = await Promise.all(
      cal.manager
        .getCalendars()
        .filter((calendar) => calendar.type === 'caldav')
        .map(async (calendar) => {
          calendar.refresh();
          const items = await poll(
            () => calendar.getItemsAsArray(Ci.calICalendar.ITEM_FILTER_ALL_ITEMS, 0, null, null),
            waitMs,
          );
          return {
            uri: calendar.uri.spec,
            items: items.map((item) => item.title),
            error: calendar.getProperty('currentStatus') || 0,
          };
        }),
    );

    const addressBooks = [];
    for (const book of MailServices.ab.directories) {
      if (book.dirType !== Ci.nsIAbManager.CARDDAV_DIRECTORY_TYPE) continue;
      const directory = CardDAVDirectory.forFile(book.fileName);
      let error = '';
      await directory.syncWithServer(false).catch((failure) => (error = String(failure)));
      addressBooks.push({
        url: Services.prefs.getStringPref(`${book.dirPrefId}.carddav.url`, ''),
        cards: directory.childCards.map((card) => card.displayName),
        ...(error ? { error } : {}),
      });
    }
    answer.synced = { imap, calendars, addressBooks };
  }

  // The view is read once the main window is up (mail-startup-done) and its calendar part has loaded the
  // calendars (calendar-startup-done with that window as subject; the calendar service sends one without).
  function startedUp() {
    return new Promise((resolve, reject) => {
      let mail = false;
      let calendar = false;
      Services.obs.addObserver(() => {
        mail = true;
        if (calendar) resolve();
        // Fail with a reason rather than let the caller's timeout hit.
        else setTimeout(() => reject(new Error('no calendar-startup-done from the main window')), 20000);
      }, 'mail-startup-done');
      Services.obs.addObserver((subject) => {
        if (!subject) return;
        calendar = true;
        if (mail) resolve();
      }, 'calendar-startup-done');
    });
  }

  // Thunderbird's account wizard reading an autoconfig file: the same call it makes for a file shipped in
  // <install>/isp/<domain>.xml (FetchConfig.fromDisk), then the placeholders filled for one address.
  async function readAutoconfig() {
    const requests = JSON.parse(new TextDecoder().decode(await IOUtils.read(autoconfigPath)));
    const { FetchConfig } = ChromeUtils.importESModule(
      'resource:///modules/accountcreation/FetchConfig.sys.mjs',
    );
    const { AccountConfig } = ChromeUtils.importESModule(
      'resource:///modules/accountcreation/AccountConfig.sys.mjs',
    );
    const server = (s) => ({
      type: s.type,
      hostname: s.hostname,
      port: s.port,
      socketType: s.socketType,
      auth: s.auth,
      username: s.username,
    });
    answer.autoconfig = [];
    for (const request of requests) {
      try {
        const config = await FetchConfig.fromDisk(request.domain, new AbortController().signal);
        AccountConfig.replaceVariables(config, request.realname, request.email, '');
        answer.autoconfig.push({
          displayName: config.displayName,
          incoming: [config.incoming, ...config.incomingAlternatives].map(server),
          outgoing: [config.outgoing, ...config.outgoingAlternatives].map(server),
          identity: { realname: config.identity.realname, emailAddress: config.identity.emailAddress },
        });
      } catch (error) {
        answer.autoconfig.push({ error: String(error && error.message ? error.message : error) });
      }
    }
  }

  const started = wantsView ? startedUp().then(view) : null;
  Promise.all([
    parsePath ? parsePrefs() : null,
    autoconfigPath ? readAutoconfig() : null,
    started && syncPath ? started.then(sync) : started,
  ]).then(
    () => finish(),
    (error) => finish(error),
  );
})();
