// Ponte's Thunderbird probe. AutoConfig skips this first line and runs the rest inside Thunderbird.
/* global Services, Ci, Cu, ChromeUtils, IOUtils */

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

  // The AutoConfig scope has none of these by default.
  Cu.importGlobalProperties(['IOUtils', 'TextDecoder']);

  if (!online) {
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

  // The view is read once the main window is up (mail-startup-done) and its calendar part has loaded the
  // calendars (calendar-startup-done with that window as subject; the calendar service sends one without).
  function startedUp() {
    const { setTimeout } = ChromeUtils.importESModule('resource://gre/modules/Timer.sys.mjs');
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

  Promise.all([parsePath ? parsePrefs() : null, wantsView ? startedUp().then(view) : null]).then(
    () => finish(),
    (error) => finish(error),
  );
})();
