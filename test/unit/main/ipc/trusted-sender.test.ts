import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../../src/main/ipc/trusted-sender';

const ours = { frameUrl: 'app://ponte/index.html', isTopFrame: true, isOurWindow: true };

describe('isTrustedSender', () => {
  it('accepts the top frame of our window on our origin', () => {
    expect(isTrustedSender(ours, 'app://ponte')).toBe(true);
    expect(isTrustedSender({ ...ours, frameUrl: 'http://localhost:5173/' }, 'http://localhost:5173')).toBe(
      true,
    );
  });

  it.each([
    ['a sub-frame', { ...ours, isTopFrame: false }],
    ['another window', { ...ours, isOurWindow: false }],
    ['a page that navigated away', { ...ours, frameUrl: 'https://evil.example/' }],
    ['a look-alike host', { ...ours, frameUrl: 'app://ponte.evil/index.html' }],
    ['a file URL', { ...ours, frameUrl: 'file:///tmp/x.html' }],
    ['a destroyed frame', { ...ours, frameUrl: null }],
  ])('refuses %s', (_name, facts) => {
    expect(isTrustedSender(facts, 'app://ponte')).toBe(false);
  });
});
