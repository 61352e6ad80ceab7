import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TMatchSuggestion } from '../../../../src/bank/matching/schemas.ts';
import { useFormatters } from '../../ui/format.ts';
import { AllocationTable } from './allocation-table.tsx';
import { MatchReasons } from './match-reasons.tsx';

/** Sure enough to apply alone (the default threshold), worth a look, or a mere hint. */
export function confidenceColor(confidence: number): string {
  if (confidence >= 90) {
    return 'green';
  }
  return confidence >= 70 ? 'yellow' : 'gray';
}

/** The matcher's confidence, « 84 % ». */
export function ConfidenceBadge({ confidence }: { confidence: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const value = format.percent(confidence / 100);
  return (
    <Badge
      color={confidenceColor(confidence)}
      variant="light"
      radius="sm"
      aria-label={t('cashApplication.confidence', { value })}
      styles={{ label: { fontVariantNumeric: 'tabular-nums' } }}
      data-testid="match-confidence"
    >
      {value}
    </Badge>
  );
}

/** The customer of a match, with its code, linked to its page. */
export function CustomerLabel({ id, code, name }: { id: string; code: string; name: string }) {
  return (
    <Anchor
      component={Link}
      to={`/customers/${encodeURIComponent(id)}`}
      size="sm"
      fw={600}
      data-testid="match-customer"
    >
      <Text span inherit ff="monospace">
        {code}
      </Text>{' '}
      {name}
    </Anchor>
  );
}

type SuggestionSummaryProps = { suggestion: TMatchSuggestion; currency: string };

/** A proposal as the queue shows it: whose, which invoices for how much, how sure, and why. */
export function SuggestionSummary({ suggestion, currency }: SuggestionSummaryProps) {
  return (
    <Stack gap={6} data-testid="match-suggestion">
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <CustomerLabel
          id={suggestion.customerId}
          code={suggestion.customerCode}
          name={suggestion.customerName}
        />
        <ConfidenceBadge confidence={suggestion.confidence} />
      </Group>
      <AllocationTable
        allocations={suggestion.allocations}
        unappliedAmount={suggestion.unappliedAmount}
        currency={currency}
      />
      <MatchReasons reasons={suggestion.reasons} />
    </Stack>
  );
}
