import { useTranslation } from 'react-i18next';

/** What shows while a part of the window loads its code (see App.tsx and AccountCard.tsx). */
export function Loading() {
  const { t } = useTranslation();
  return <p aria-busy="true">{t('common.loading')}</p>;
}
