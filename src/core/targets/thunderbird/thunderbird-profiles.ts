import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { parse } from 'ini';
import type { MountOs } from '@shared/targets';

// Where Thunderbird keeps its profiles (profiles.ini beside them), per OS and per packaging on Linux, and which
// profile it opens by default: the one an installation is bound to ([Install…] Default=, Thunderbird 68+),
// else the one marked Default=1, else the only one.

export interface ThunderbirdProfile {
  name: string;
  /** The profile folder (prefs.js is in it). */
  dir: string;
  isDefault: boolean;
}

export interface PlaceInput {
  os: MountOs;
  home: string;
  env: NodeJS.ProcessEnv;
}

export function thunderbirdRoots({ os, home, env }: PlaceInput): string[] {
  switch (os) {
    case 'linux':
      return [
        join(home, '.thunderbird'),
        join(env.XDG_CONFIG_HOME || join(home, '.config'), 'thunderbird'),
        join(home, 'snap', 'thunderbird', 'common', '.thunderbird'),
        join(home, '.var', 'app', 'org.mozilla.Thunderbird', '.thunderbird'),
      ];
    case 'darwin':
      return [join(home, 'Library', 'Thunderbird')];
    case 'win32':
      return [join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Thunderbird')];
  }
}

type Section = Record<string, unknown>;

/** The profiles listed in one root's profiles.ini; none when there is no such file. */
export async function readProfilesIni(root: string): Promise<ThunderbirdProfile[]> {
  let text: string;
  try {
    text = await readFile(join(root, 'profiles.ini'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const sections = Object.entries(parse(text) as Record<string, Section>);
  const field = (section: Section, key: string): string | undefined =>
    typeof section[key] === 'string' ? section[key] : undefined;
  const dirOf = (section: Section): string | undefined => {
    const path = field(section, 'Path');
    if (!path) return undefined;
    return field(section, 'IsRelative') === '0' || isAbsolute(path) ? path : join(root, path);
  };
  const installDefault = sections
    .filter(([name]) => name.startsWith('Install'))
    .map(([, section]) => dirOf({ ...section, Path: section.Default, IsRelative: section.IsRelative }))
    .find((dir) => dir !== undefined);
  const profiles = sections
    .filter(([name]) => /^Profile\d+$/.test(name))
    .flatMap(([, section]) => {
      const dir = dirOf(section);
      return dir
        ? [{ name: field(section, 'Name') ?? dir, dir, marked: field(section, 'Default') === '1' }]
        : [];
    });
  const chosen =
    profiles.find((profile) => profile.dir === installDefault) ??
    profiles.find((profile) => profile.marked) ??
    (profiles.length === 1 ? profiles[0] : undefined);
  return profiles.map(({ name, dir }) => ({ name, dir, isDefault: dir === chosen?.dir }));
}

/** Every profile of every Thunderbird on this machine, the default one of the first root first. */
export async function findThunderbirdProfiles(place: PlaceInput): Promise<ThunderbirdProfile[]> {
  const found: ThunderbirdProfile[] = [];
  for (const root of thunderbirdRoots(place)) found.push(...(await readProfilesIni(root)));
  return [...found.filter((profile) => profile.isDefault), ...found.filter((profile) => !profile.isDefault)];
}
