import type { Page, TestInfo } from '@playwright/test';
import en from '../../src/shared/i18n/locales/en.json';
import { expect } from './fixtures';

/** Opens "Add an account" at its first step. */
export async function openWizard(app: Page): Promise<void> {
  await app.getByRole('navigation').getByRole('button', { name: en.nav.add }).click();
  await expect(app.getByRole('heading', { name: en.wizard.title, level: 2 })).toBeVisible();
  await expectStep(app, 'account');
}

/** Opens the wizard and goes straight to typing server settings (the "custom server" path). */
export async function openCustomServer(app: Page): Promise<void> {
  await openWizard(app);
  await app.getByRole('button', { name: en.wizard.custom }).click();
  await expectStep(app, 'signin');
}

export async function expectStep(app: Page, step: keyof typeof en.wizard.steps): Promise<void> {
  await expect(app.getByRole('heading', { name: en.wizard.steps[step], level: 3 })).toBeVisible();
  await expect(app.locator('.step-list [aria-current="step"]')).toHaveText(en.wizard.steps[step]);
}

export async function next(app: Page): Promise<void> {
  await app.getByRole('button', { name: en.wizard.next, exact: true }).click();
}

/** The guide asks whether two-step verification is on where the provider's passwords depend on it. */
export async function answerTwoStep(app: Page, on: boolean): Promise<void> {
  await app.getByRole('radio', { name: on ? en.wizard.twoStep.on : en.wizard.twoStep.off }).check();
}

/** Kept with the test's output; with PONTE_UPDATE_SCREENSHOTS=1 also where README and docs/ link them. */
export async function stepScreenshot(app: Page, testInfo: TestInfo, name: string): Promise<void> {
  await app.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  if (process.env.PONTE_UPDATE_SCREENSHOTS === '1') {
    await app.screenshot({ path: `test/e2e/screenshots/${name}.png`, fullPage: true });
  }
}
