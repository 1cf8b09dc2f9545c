import { originOf } from '../origin';

export interface SenderFacts {
  /** URL of the frame that sent the message, or null when Electron no longer knows it. */
  frameUrl: string | null;
  isTopFrame: boolean;
  /** The sender is the webContents of our one window. */
  isOurWindow: boolean;
}

/** Only the top frame of our own window, showing our own UI, may call core (Electron checklist #17). */
export function isTrustedSender(facts: SenderFacts, uiOrigin: string): boolean {
  return (
    facts.isOurWindow && facts.isTopFrame && facts.frameUrl !== null && originOf(facts.frameUrl) === uiOrigin
  );
}
