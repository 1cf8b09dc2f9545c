import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Phrase } from '@shared/verify-summary';

interface Props {
  /** The first is the title: what happened; the rest say what it means and what to do. */
  phrases: Phrase[];
  good: boolean;
  testId: string;
  ref?: Ref<HTMLDivElement>;
}

/** The outcome of a long operation in words, announced, and focusable so focus can land on it. */
export function PhrasesNotice({ phrases, good, testId, ref }: Props) {
  const { t } = useTranslation();
  return (
    <div
      className={`notice ${good ? 'notice-ok' : 'notice-error'}`}
      role="status"
      tabIndex={-1}
      ref={ref}
      data-testid={testId}
    >
      {phrases.map((phrase, index) => (
        <p key={`${phrase.key}-${index}`} className={index === 0 ? 'notice-title' : undefined}>
          {t(phrase.key, phrase.params ?? {})}
        </p>
      ))}
    </div>
  );
}
