import type { TFunction } from 'i18next';
import type { DoctorCheck, DoctorReport } from '@shared/models';
import { runDoctor } from '@core/doctor/run-doctor';
import type { Core } from '@core/core';
import { EXIT_FAILED, EXIT_OK, printJson, type CliIo } from '../output';

const MARKS = { ok: '✔', warn: '!', fail: '✘' } as const;

export async function doctorCommand(
  core: Core,
  context: { io: CliIo; t: TFunction; json: boolean; appRoot: string; version: string },
): Promise<number> {
  const { io, t } = context;
  const report = await runDoctor({
    dataDir: core.dataDir,
    secrets: core.secrets,
    appRoot: context.appRoot,
    platform: process.platform,
    env: io.env,
  });
  if (context.json) {
    printJson(io, report);
  } else {
    io.out(t('doctor.title', { version: context.version }));
    for (const check of report.checks) {
      io.out(`${MARKS[check.status]} ${t(`doctor.${check.id}.${check.status}`, check.params ?? {})}`);
      const hint = localizedHint(check, t);
      if (hint) io.out(`  → ${hint}`);
    }
    io.out(summary(report, t));
  }
  return report.ok ? EXIT_OK : EXIT_FAILED;
}

function localizedHint(check: DoctorCheck, t: TFunction): string | null {
  if (check.status === 'ok') return null;
  switch (check.id) {
    case 'keychain': {
      const code = check.params?.code ?? 'KEYCHAIN_UNAVAILABLE';
      const platform = ['darwin', 'win32'].includes(process.platform) ? process.platform : 'linux';
      return `${t(`errors.${code}.title`)} ${t(`errors.${code}.hint.${platform}`)}`;
    }
    case 'platform-tools':
      return check.params?.packages
        ? t('doctor.platform-tools.hint', check.params)
        : t('doctor.platform-tools.hintBuiltIn');
    default:
      return t(`doctor.${check.id}.hint`);
  }
}

function summary(report: DoctorReport, t: TFunction): string {
  const failed = report.checks.filter((check) => check.status === 'fail').length;
  return failed === 0 ? t('doctor.allOk') : t('doctor.someFailed', { count: failed });
}
