import { X509Certificate } from 'node:crypto';
import { ContentInfo, SignedData, id_signedData, type SignerIdentifier } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { type Certificate, SubjectKeyIdentifier, id_ce_subjectKeyIdentifier } from '@peculiar/asn1-x509';

const sameBytes = (a: ArrayBuffer, b: ArrayBuffer): boolean => Buffer.from(a).equals(Buffer.from(b));

function keyIdentifier(certificate: Certificate): ArrayBuffer | undefined {
  const extension = certificate.tbsCertificate.extensions?.find(
    (e) => e.extnID === id_ce_subjectKeyIdentifier,
  );
  return extension ? AsnConvert.parse(extension.extnValue, SubjectKeyIdentifier).buffer : undefined;
}

function isSigner(certificate: Certificate, sid: SignerIdentifier): boolean {
  if (sid.issuerAndSerialNumber) {
    return sameBytes(certificate.tbsCertificate.serialNumber, sid.issuerAndSerialNumber.serialNumber);
  }
  const wanted = sid.subjectKeyIdentifier?.buffer;
  const own = keyIdentifier(certificate);
  return wanted !== undefined && own !== undefined && sameBytes(own, wanted);
}

/**
 * The subject of the certificate that made a detached S/MIME signature (smime.p7s, CMS SignedData), as
 * "C=IT, O=…, CN=…"; undefined when the blob is not SignedData or does not carry its signer's certificate.
 * Reads the structure only: whether the signature is valid and the provider is on AgID's list is not
 * decided here.
 */
export function signerSubject(der: Uint8Array): string | undefined {
  try {
    const info = AsnConvert.parse(der, ContentInfo);
    if (info.contentType !== id_signedData) return undefined;
    const signed = AsnConvert.parse(info.content, SignedData);
    const sid = signed.signerInfos[0]?.sid;
    const certificates = (signed.certificates ?? []).flatMap((choice) =>
      choice.certificate ? [choice.certificate] : [],
    );
    const signer = sid ? certificates.find((certificate) => isSigner(certificate, sid)) : undefined;
    if (!signer) return undefined;
    const subject = new X509Certificate(Buffer.from(AsnConvert.serialize(signer))).subject;
    return subject.split('\n').join(', ');
  } catch {
    return undefined;
  }
}
