import en from '../../src/shared/i18n/locales/en.json';
import it from '../../src/shared/i18n/locales/it.json';
import { expect, test } from './fixtures';

test('shows the empty state and switches to Italian, remembered after a reload', async ({
  app,
}, testInfo) => {
  await expect(app.getByRole('heading', { name: en.home.emptyTitle })).toBeVisible();
  await expect(app.getByTestId('app-version')).toHaveText(/^Version \d+\.\d+\.\d+/);

  // The empty state leads straight to adding one.
  await app.getByTestId('accounts-empty').getByRole('button', { name: en.nav.add }).click();
  await expect(app.getByRole('heading', { name: en.wizard.title, level: 2 })).toBeVisible();

  // Keyboard only: reach Settings through the navigation and pick the language from the list.
  await app.getByRole('navigation').getByRole('button', { name: en.nav.settings }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: en.settings.title })).toBeVisible();
  await app.getByLabel(en.settings.language).selectOption('it');
  await expect(app.getByRole('status')).toHaveText(it.settings.saved);
  await expect(app.locator('html')).toHaveAttribute('lang', 'it');

  await app.getByRole('button', { name: it.nav.accounts, exact: true }).click();
  await expect(app.getByRole('heading', { name: it.home.emptyTitle })).toBeVisible();
  await expect(app.getByText(it.home.emptyBody)).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('home-it.png') });
  if (process.env.PONTE_UPDATE_SCREENSHOTS === '1') {
    await app.screenshot({ path: 'test/e2e/screenshots/home-it.png' });
  }

  // The choice lives in core's settings file, so it survives a reload of the UI.
  await app.reload();
  await expect(app.getByRole('heading', { name: it.home.emptyTitle })).toBeVisible();
});
