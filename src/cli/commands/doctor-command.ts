import type { TFunction } from 'i18next';
import type { DoctorCheck, DoctorReport } from '@shared/models';
import { runDoctor } from '@core/doctor/run-doctor';
import { buildSupportReport, writeSupportReport } from '@core/doctor/support-report';
import type { Core } from '@core/core';
import { PonteError } from '@core/errors/ponte-error';
import { EXIT_FAILED, EXIT_OK, printJson } from '../output';
import { type CliArgs, optionText } from '../parse-args';
import type { CommandContext } from '../command-table';

const MARKS = { ok: '✔', warn: '!', fail: '✘' } as const;

/** With `--report FILE`, also writes the support report there (see support-report.ts). */
export async function doctorCommand(
  core: Core,
  { options }: CliArgs,
  context: CommandContext,
): Promise<number> {
  const { io, t } = context;
  const reportFile = optionText(options, 'report');
  const report = await runDoctor({
    dataDir: core.dataDir,
    secrets: core.secrets,
    appRoot: context.appRoot,
    platform: process.platform,
    env: io.env,
  });
  const reportFailure =
    reportFile === undefined ? null : await writeReport(core, report, reportFile, context);
  if (context.json) {
    // One document on stdout: the failure to write the report, or the results.
    printJson(io, reportFailure ? { ok: false, error: reportFailure.toWire() } : report);
  } else {
    io.out(t('doctor.title', { version: context.version }));
    for (const check of report.checks) {
      io.out(`${MARKS[check.status]} ${t(`doctor.${check.id}.${check.status}`, check.params ?? {})}`);
      const hint = localizedHint(check, t);
      if (hint) io.out(`  → ${hint}`);
    }
    io.out(summary(report, t));
    if (reportFailure)
      io.err(`${t('doctor.report.unwritable', { file: reportFile })}\n${reportFailure.message}`);
    else if (reportFile !== undefined) io.out(t('doctor.report.written', { file: reportFile }));
  }
  if (reportFailure) return EXIT_FAILED;
  return report.ok ? EXIT_OK : EXIT_FAILED;
}

/** The support report written to `file`, or why it could not be. */
async function writeReport(
  core: Core,
  doctor: DoctorReport,
  file: string,
  context: { version: string },
): Promise<PonteError | null> {
  try {
    await writeSupportReport(file, await buildSupportReport({ core, doctor, version: context.version }));
    return null;
  } catch (error) {
    if (error instanceof PonteError) return error;
    throw error;
  }
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
