import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import en from '../../../src/shared/i18n/locales/en.json';

const root = join(__dirname, '../../..');

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => pattern.test(file))
    .map((file) => join(dir, file));
}

type Tree = { [key: string]: string | Tree };
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [path, path.replace(/_(one|other)$/, '')] : keys(value, path);
  });
}
const known = new Set(keys(en as Tree));

/** Every `t('…')` key written out in full in the UI and the CLI. */
function staticKeys(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)].map((match) => match[1] ?? '');
}

describe('texts people read come from the locale files', () => {
  const sources = [
    ...files('src/renderer/src', /\.tsx?$/),
    ...files('src/cli', /\.ts$/),
    ...files('src/main', /\.ts$/),
  ];

  it.each(sources)(
    '%s uses only keys that exist in English (and so, by the locale test, everywhere)',
    (file) => {
      expect(staticKeys(file).filter((key) => !known.has(key))).toEqual([]);
    },
  );

  // The main process's menus and tray are read back from what Electron is given: test/unit/main/host-language.test.ts.

  it.each(files('src/renderer/src', /\.tsx$/))('%s has no hard-coded words in its markup', (file) => {
    const source = ts.createSourceFile(
      file,
      readFileSync(join(root, file), 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const found: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isJsxText(node) && /[A-Za-zÀ-ÿ]{2,}/.test(node.text)) found.push(node.text.trim());
      if (
        ts.isJsxAttribute(node) &&
        ['aria-label', 'title', 'alt', 'placeholder'].includes(node.name.getText()) &&
        node.initializer &&
        ts.isStringLiteral(node.initializer) &&
        /[A-Za-zÀ-ÿ]{3,}/.test(node.initializer.text.replace(/^https?:\/\//, ''))
      ) {
        found.push(node.initializer.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(found).toEqual([]);
  });
});
