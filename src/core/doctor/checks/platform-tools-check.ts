import type { DoctorCheck } from '@shared/models';
import { findExecutable } from '../../platform/find-executable';
import { platformTools } from '../../platform/platform-tools';

export async function checkPlatformTools(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
): Promise<DoctorCheck> {
  const tools = platformTools(platform);
  const found = await Promise.all(tools.map((tool) => findExecutable(tool.command, env, platform)));
  const missing = tools.filter((_, index) => found[index] === null);
  if (missing.length === 0) {
    return {
      id: 'platform-tools',
      status: 'ok',
      detail:
        tools.length === 0
          ? 'No platform tools needed here.'
          : `Found ${tools.map((t) => t.command).join(', ')}.`,
      params: { tools: tools.map((t) => t.command).join(', ') },
    };
  }
  const packages = [...new Set(missing.flatMap((tool) => (tool.package ? [tool.package] : [])))];
  const names = missing.map((tool) => tool.command).join(', ');
  return {
    id: 'platform-tools',
    status: 'warn',
    detail: `Missing: ${names}. Drive mounting may not work.`,
    hint:
      packages.length > 0
        ? `Install: ${packages.join(' ')}`
        : 'These ship with the operating system; check your installation.',
    params: { tools: names, packages: packages.join(' ') },
  };
}
