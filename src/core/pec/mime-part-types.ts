import { Splitter, type SplitterChunk } from '@zone-eu/mailsplit';

// mailparser folds an inline message/rfc822 part into the text, and providers send the certified original
// (postacert.eml) inline as often as attached: the MIME tree itself says whether it is there. The embedded
// message is a leaf here — its insides are not the receipt's.

const MAX_HEAD_BYTES = 64 * 1024;
const MAX_PARTS = 1000;

/** The content type of every MIME part of `raw`, in order; rejects for a message no MIME parser reads. */
export async function mimePartTypes(raw: Buffer): Promise<string[]> {
  const splitter = new Splitter({
    ignoreEmbedded: true,
    maxHeadSize: MAX_HEAD_BYTES,
    maxChildNodes: MAX_PARTS,
  });
  splitter.end(raw);
  const types: string[] = [];
  for await (const chunk of splitter as AsyncIterable<SplitterChunk>) {
    if (chunk.type === 'node' && chunk.contentType) types.push(chunk.contentType);
  }
  return types;
}
