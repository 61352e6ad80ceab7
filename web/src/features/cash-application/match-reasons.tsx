import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TMatchReason } from '../../../../src/bank/matching/schemas.ts';
import { toLanguage, type Language } from '../../../../src/shared/language.ts';
import { findMessage } from '../../../../src/shared/messages/catalogue.ts';

/**
 * A reason of the matcher as a sentence, from its code and values, with the server's own
 * catalogue (as `describeError` words problems): the queue, the CLI and the event log say
 * the same thing. A code this build does not know is shown as it is.
 */
export function reasonSentence(language: Language, reason: TMatchReason): string {
  return findMessage(language, reason.code, reason.params) ?? reason.code;
}

/** Why the matcher believes a match, one sentence per fact. */
export function MatchReasons({ reasons }: { reasons: readonly TMatchReason[] }) {
  const { t, i18n } = useTranslation();
  if (reasons.length === 0) {
    return null;
  }
  const language = toLanguage(i18n.resolvedLanguage);
  return (
    <List size="xs" c="dimmed" spacing={2} aria-label={t('cashApplication.reasons')}>
      {reasons.map((reason, index) => (
        <List.Item key={`${reason.code}-${index}`} data-testid="match-reason">
          <Text span inherit>
            {reasonSentence(language, reason)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
