#!/usr/bin/python3
"""Reads files Ponte wrote with the parsers other programs use, and prints what they read as JSON.

stdin: {"kind": "keyfile" | "plist" | "xml", "documents": [text, ...]}
stdout: one result per document: the parsed value, or {"error": message} when the parser refused it.
keyfile: GLib's own GKeyFile (what evolution-data-server uses), every key read with g_key_file_get_string.
plist: Python's plistlib on expat. xml: expat through ElementTree, as {tag, attrib, text, children}.
"""
import json
import plistlib
import sys
import xml.etree.ElementTree as ElementTree

from gi.repository import GLib


def keyfile(text):
    data = text.encode("utf-8", "surrogatepass")
    key_file = GLib.KeyFile()
    key_file.load_from_data(data.decode("utf-8", "replace"), len(data), GLib.KeyFileFlags.NONE)
    groups, _ = key_file.get_groups()
    result = {}
    for group in groups:
        keys, _ = key_file.get_keys(group)
        result[group] = {key: key_file.get_string(group, key) for key in keys}
    return result


def element(node):
    return {
        "tag": node.tag,
        "attrib": dict(node.attrib),
        "text": node.text or "",
        "children": [element(child) for child in node],
    }


def plist_value(value):
    if isinstance(value, dict):
        return {key: plist_value(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [plist_value(inner) for inner in value]
    return value


def parse(kind, text):
    try:
        if kind == "keyfile":
            return keyfile(text)
        if kind == "plist":
            return plist_value(plistlib.loads(text.encode("utf-8", "surrogatepass")))
        return element(ElementTree.fromstring(text.encode("utf-8", "surrogatepass")))
    except Exception as error:  # every refusal is an answer, not a crash
        return {"error": f"{type(error).__name__}: {error}"}


request = json.load(sys.stdin)
json.dump([parse(request["kind"], text) for text in request["documents"]], sys.stdout, ensure_ascii=True)
