import { type KeyboardEvent, useEffect, useRef } from 'react';

/**
 * Focus follows a long operation: on its Stop button while it runs (so Escape, handled by `onKeyDown` on the
 * surrounding element, stops it), then on its result once there is one, which screen readers then read.
 */
export function useRunFocus(running: boolean, result: unknown, cancel: () => void) {
  const stopButton = useRef<HTMLButtonElement>(null);
  const resultBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (running) stopButton.current?.focus();
  }, [running]);
  useEffect(() => {
    if (result) resultBox.current?.focus();
  }, [result]);
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && running) {
      event.preventDefault();
      cancel();
    }
  };
  return { stopButton, resultBox, onKeyDown };
}
