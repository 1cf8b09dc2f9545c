import type { Page } from '@playwright/test';
import en from '../../src/shared/i18n/locales/en.json';
import { expect, test } from './fixtures';

/** Nothing wider than the window: no sideways scrolling, which loses people at large zoom. */
async function expectNoSidewaysScroll(app: Page, where: string): Promise<void> {
  const overflow = await app.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  if (overflow > 0) {
    // Name the culprits, so the failure says what to fix.
    const wide = await app.evaluate<string[]>(
      `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth).map((e) => e.tagName + '.' + e.className).slice(0, 5)`,
    );
    expect(wide, `too wide on ${where}`).toEqual([]);
  }
  expect(overflow, `sideways overflow on ${where}`).toBeLessThanOrEqual(0);
}

// 800×600 as is, and the same window at 200 % zoom (a 400×300 CSS viewport).
for (const [label, size] of [
  ['800×600', { width: 800, height: 600 }],
  ['800×600 at 200 % zoom', { width: 400, height: 300 }],
] as const) {
  test(`usable in a ${label} window: every screen fits its width, every action reachable`, async ({
    app,
  }) => {
    await app.setViewportSize(size);
    await expectNoSidewaysScroll(app, 'home');
    for (const [nav, heading] of [
      [en.nav.add, en.wizard.title],
      [en.nav.settings, en.settings.title],
      [en.nav.accounts, en.home.title],
    ] as const) {
      await app.getByRole('navigation').getByRole('button', { name: nav }).click();
      await expect(app.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
      await expectNoSidewaysScroll(app, nav);
    }
    await app.getByRole('navigation').getByRole('button', { name: en.nav.add }).click();
    await app.getByRole('button', { name: en.wizard.custom }).click();
    await expectNoSidewaysScroll(app, 'sign-in step with server settings');
    const check = app.getByRole('button', { name: en.verify.form.check, exact: true });
    await check.scrollIntoViewIfNeeded();
    await expect(check).toBeInViewport();
  });
}
