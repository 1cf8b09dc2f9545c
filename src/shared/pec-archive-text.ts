import { type ArchiveReport, plannedMessages } from './pec-archive';
import { formatBytes, type Phrase } from './verify-summary';

/** An archive run in words: what was (or would be) moved, where, and what stayed and why. */
export function archivePhrases(report: ArchiveReport, language: string): Phrase[] {
  const count = plannedMessages(report);
  const size = formatBytes(
    report.folders.reduce((sum, folder) => sum + folder.bytes, 0),
    language,
  );
  if (report.dryRun) {
    return [
      {
        key: 'pec.archive.wouldMove',
        params: { count, size, before: report.before, destination: report.destination },
      },
      ...report.folders.map((folder) => ({
        key: 'pec.archive.folder',
        params: { folder: folder.folder, count: folder.messages, size: formatBytes(folder.bytes, language) },
      })),
    ];
  }
  const phrases: Phrase[] = [
    {
      key: 'pec.archive.moved',
      params: {
        count: report.archived,
        size: formatBytes(report.bytes, language),
        before: report.before,
        destination: report.destination,
      },
    },
  ];
  if (report.stopped) phrases.push({ key: 'pec.archive.stopped' });
  if (report.manifest) phrases.push({ key: 'pec.archive.manifest', params: { path: report.manifest } });
  for (const failure of report.failed) {
    phrases.push({
      key: 'pec.archive.stayed',
      params: { folder: failure.folder, uid: failure.uid, reason: failure.reason },
    });
  }
  return phrases;
}
