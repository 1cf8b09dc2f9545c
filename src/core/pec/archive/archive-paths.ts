import { slug } from '@shared/slug';

// Where each archived message goes: dated folders (year/month of its arrival), and a name that is the same at
// every run for the same message (folder, UIDVALIDITY, UID), so a resumed run overwrites, never duplicates.

export interface ArchivedMessage {
  folder: string;
  uidValidity: string;
  uid: number;
  internalDate: Date;
  subject: string;
}

const two = (value: number): string => String(value).padStart(2, '0');

export function archivePath(message: ArchivedMessage): string {
  const at = message.internalDate;
  const year = String(at.getUTCFullYear());
  const month = two(at.getUTCMonth() + 1);
  const stamp = `${year}-${month}-${two(at.getUTCDate())}T${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}Z`;
  const name = [
    stamp,
    slug(message.folder, 30),
    `${message.uidValidity}-${message.uid}`,
    slug(message.subject),
  ].join('_');
  return `${year}/${month}/${name}.eml`;
}
