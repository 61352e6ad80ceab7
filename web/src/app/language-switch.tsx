import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/i18n.ts';
import { isLanguage, toLanguage } from '../../../src/shared/language.ts';

/** FR / EN, remembered on this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      value={toLanguage(i18n.resolvedLanguage)}
      onChange={(value) => {
        if (isLanguage(value)) {
          void changeLanguage(value);
        }
      }}
      data={[
        { value: 'fr', label: 'FR' },
        { value: 'en', label: 'EN' },
      ]}
      data-testid="language-switch"
    />
  );
}
