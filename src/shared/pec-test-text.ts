import type { PecTestProgress, PecTestReport } from './pec';
import { certifiedTime } from './pec';
import type { Phrase } from './verify-summary';

/**
 * A finished test PEC in words, for the CLI and the app alike: what happened, then what PEC's rules mean
 * for it (ordinary-mail recipients never get a delivery receipt) and what to do.
 */
export function pecTestPhrases(report: PecTestReport): Phrase[] {
  const phrases: Phrase[] = [{ key: `pec.test.outcome.${report.outcome}` }];
  if (report.sendError) {
    const { code, detail } = report.sendError;
    phrases.push(
      { key: `verify.codes.${code}.title` },
      { key: `verify.codes.${code}.fix`, params: { detail: detail ?? '' } },
    );
    if (detail) phrases.push({ key: 'verify.serverSaid', params: { detail } });
  }
  if (report.nonAcceptance) {
    const { at, issuer, error, detail } = report.nonAcceptance;
    phrases.push({ key: 'pec.test.notAccepted', params: { at: certifiedTime(at), issuer, error } });
    if (detail) phrases.push({ key: 'verify.serverSaid', params: { detail } });
  }
  if (report.acceptance) {
    phrases.push({
      key: 'pec.test.accepted',
      params: { at: certifiedTime(report.acceptance.at), issuer: report.acceptance.issuer },
    });
  }
  for (const recipient of report.nonAcceptance ? [] : report.recipients) {
    const { address } = recipient;
    if (recipient.status === 'delivered') {
      phrases.push({
        key: 'pec.test.delivered',
        params: { address, at: certifiedTime(recipient.at ?? ''), issuer: recipient.issuer ?? '' },
      });
    } else if (recipient.status === 'failed') {
      phrases.push({ key: 'pec.test.failed', params: { address, error: recipient.error ?? 'altro' } });
      if (recipient.detail) phrases.push({ key: 'verify.serverSaid', params: { detail: recipient.detail } });
    } else if (recipient.status === 'ordinary') {
      phrases.push({ key: 'pec.test.ordinary', params: { address } });
    } else if (report.acceptance) {
      phrases.push({ key: recipient.delayed ? 'pec.test.delayed' : 'pec.test.waiting', params: { address } });
    }
  }
  if (report.envelopeReceived) phrases.push({ key: 'pec.test.envelopeReceived' });
  if (report.ignored > 0) phrases.push({ key: 'pec.test.ignored', params: { count: report.ignored } });
  return phrases;
}

/** One step of a test PEC under way, as the CLI prints it and the card lists it. */
export function pecProgressPhrase(progress: PecTestProgress): Phrase {
  switch (progress.step) {
    case 'accepted':
      return { key: 'pec.test.progress.accepted', params: { at: certifiedTime(progress.at) } };
    case 'delivered':
    case 'not-delivered':
      return { key: `pec.test.progress.${progress.step}`, params: { address: progress.address } };
    case 'waiting':
      return {
        key: 'pec.test.progress.waiting',
        params: { seconds: progress.seconds, limit: progress.limitSeconds },
      };
    default:
      return { key: `pec.test.progress.${progress.step}` };
  }
}
