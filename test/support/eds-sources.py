"""Lists the sources evolution-data-server itself loaded, as JSON: what Evolution, GNOME Calendar and GNOME
Contacts will see. Run inside a private D-Bus session whose XDG folders point at the test's own."""
import json
import sys

import gi

gi.require_version("EDataServer", "1.2")
from gi.repository import EDataServer as E  # noqa: E402

registry = E.SourceRegistry.new_sync(None)
wanted = sys.argv[1]
out = []
for source in registry.list_sources(None):
    uid = source.get_uid()
    if not uid.startswith(wanted):
        continue
    entry = {"uid": uid, "name": source.get_display_name(), "parent": source.get_parent(), "enabled": source.get_enabled()}
    if source.has_extension(E.SOURCE_EXTENSION_AUTHENTICATION):
        auth = source.get_extension(E.SOURCE_EXTENSION_AUTHENTICATION)
        entry["auth"] = {"host": auth.get_host(), "port": auth.get_port(), "user": auth.get_user(), "method": auth.get_method()}
    if source.has_extension(E.SOURCE_EXTENSION_SECURITY):
        entry["security"] = source.get_extension(E.SOURCE_EXTENSION_SECURITY).get_method()
    for name, key in ((E.SOURCE_EXTENSION_CALENDAR, "calendar"), (E.SOURCE_EXTENSION_ADDRESS_BOOK, "addressBook"),
                      (E.SOURCE_EXTENSION_MAIL_TRANSPORT, "transport")):
        if source.has_extension(name):
            extension = source.get_extension(name)
            entry[key] = {"backend": extension.get_backend_name()}
            if key == "calendar":
                entry[key]["color"] = extension.get_color()
    if source.has_extension(E.SOURCE_EXTENSION_WEBDAV_BACKEND):
        webdav = source.get_extension(E.SOURCE_EXTENSION_WEBDAV_BACKEND)
        entry["uri"] = webdav.dup_uri().to_string()
    if source.has_extension(E.SOURCE_EXTENSION_MAIL_ACCOUNT):
        account = source.get_extension(E.SOURCE_EXTENSION_MAIL_ACCOUNT)
        entry["mailAccount"] = {"backend": account.get_backend_name(), "identity": account.get_identity_uid()}
    if source.has_extension(E.SOURCE_EXTENSION_MAIL_IDENTITY):
        entry["identity"] = {"address": source.get_extension(E.SOURCE_EXTENSION_MAIL_IDENTITY).get_address()}
    if source.has_extension(E.SOURCE_EXTENSION_MAIL_SUBMISSION):
        entry["submission"] = {"transport": source.get_extension(E.SOURCE_EXTENSION_MAIL_SUBMISSION).get_transport_uid()}
    out.append(entry)
print(json.dumps(sorted(out, key=lambda e: e["uid"])))
