import { describe, expect, it } from 'vitest';
import { archivePath } from '@core/pec/archive/archive-paths';
import { slug } from '@shared/slug';
import { parseArchiveDestination } from '@core/pec/archive/archive-destination';
import { parseOlderThan } from '@shared/pec-archive';

describe('archive paths', () => {
  const message = {
    folder: 'INBOX/Ricevute',
    uidValidity: '1700000000',
    uid: 42,
    internalDate: new Date('2026-03-05T08:09:10Z'),
    subject: 'CONSEGNA: Fattura n° 12 — città',
  };

  it('a dated folder and a name that is the same at every run for the same message', () => {
    expect(archivePath(message)).toBe(
      '2026/03/2026-03-05T080910Z_INBOX-Ricevute_1700000000-42_CONSEGNA-Fattura-n-12-citta.eml',
    );
    expect(archivePath({ ...message })).toBe(archivePath(message));
    expect(archivePath({ ...message, uid: 43 })).not.toBe(archivePath(message));
  });

  it('slugs keep letters and digits only, bounded, never empty', () => {
    expect(slug('../../etc/passwd')).toBe('etc-passwd');
    expect(slug('')).toBe('x');
    expect(slug('x'.repeat(200))).toHaveLength(50);
  });
});

describe('archive options', () => {
  it('older-than: days, with or without d', () => {
    expect(parseOlderThan('90d')).toBe(90);
    expect(parseOlderThan('30')).toBe(30);
    expect(parseOlderThan('0d')).toBeNull();
    expect(parseOlderThan('3m')).toBeNull();
  });

  it('destination: a folder, or webdav:ACCOUNT/PATH', () => {
    const id = '0b0f5a2e-8c2b-4a6e-9d1c-1f2e3d4c5b6a';
    expect(parseArchiveDestination(`webdav:${id}/Archivio/PEC`)).toEqual({
      kind: 'webdav',
      accountId: id,
      path: 'Archivio/PEC',
    });
    expect(parseArchiveDestination('webdav:not-an-id')).toBeNull();
    expect(parseArchiveDestination('/srv/archivio')).toEqual({ kind: 'folder', path: '/srv/archivio' });
  });
});
