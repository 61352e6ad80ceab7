import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  ScrollArea,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRate } from '../../../../src/dunning/message-data.ts';
import {
  ZPenaltyRateList,
  type TPenaltyRateList,
} from '../../../../src/dunning/penalty-rate-schemas.ts';
import { apiGet, apiSend, ApiError } from '../../api.ts';
import { describeIssue, ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { fieldErrorsOf } from '../customers/customer-form-model.ts';
import { dunningKeys } from './dunning-api.ts';

type Series = 'ecb_mro' | 'legal_professional';
type RateValue = TPenaltyRateList['items'][number]['ecbMro'];

const ratesKey = [...dunningKeys.all, 'penalty-rates'] as const;
const RATE_FIELDS = new Set(['halfYear', 'basisPoints']);

function usePenaltyRates() {
  return useQuery({
    queryKey: ratesKey,
    queryFn: ({ signal }) =>
      apiGet('/api/dunning/penalty-rates', ZPenaltyRateList, undefined, signal),
  });
}

function useSavePenaltyRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { series: Series; halfYear: string; basisPoints: number | null }) =>
      apiSend(
        'PUT',
        `/api/dunning/penalty-rates/${input.series}/${encodeURIComponent(input.halfYear)}`,
        ZPenaltyRateList,
        { basisPoints: input.basisPoints },
      ),
    onSuccess: (saved) => queryClient.setQueryData(ratesKey, saved),
  });
}

/**
 * The late-payment rates per half-year: the ECB rate and the legal interest rate, as
 * published and as the company entered them; a credit manager enters one or resets it.
 */
export function PenaltyRateSettings({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const rates = usePenaltyRates();
  const [editing, setEditing] = useState<{ series: Series; halfYear: string; rate: number }>();
  return (
    <Paper withBorder p="md" radius="md" data-testid="penalty-rate-settings">
      <Title order={2} size="h4" mb="xs">
        {t('dunning.penaltyRates.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('dunning.penaltyRates.hint')}
      </Text>
      {rates.isError ? (
        <ErrorAlert error={rates.error} onRetry={() => void rates.refetch()} />
      ) : rates.data === undefined ? (
        <Skeleton height={180} />
      ) : (
        <Stack gap="sm">
          {canEdit ? (
            <RateForm
              key={editing === undefined ? 'new' : `${editing.series}:${editing.halfYear}`}
              initial={editing}
              currentHalfYear={rates.data.currentHalfYear}
            />
          ) : null}
          <RateTable
            list={rates.data}
            canEdit={canEdit}
            onEdit={(series, halfYear, rate) => setEditing({ series, halfYear, rate })}
          />
        </Stack>
      )}
    </Paper>
  );
}

function RateTable({
  list,
  canEdit,
  onEdit,
}: {
  list: TPenaltyRateList;
  canEdit: boolean;
  onEdit: (series: Series, halfYear: string, rate: number) => void;
}) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const reset = useSavePenaltyRate();
  const cell = (series: Series, halfYear: string, value: RateValue) => (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">
        {value.effective === null ? '—' : formatRate(value.effective, language)}
      </Text>
      {value.company === null ? null : (
        <>
          <Badge size="xs" variant="light">
            {t('dunning.penaltyRates.own')}
          </Badge>
          <Text size="xs" c="dimmed">
            {value.published === null
              ? t('dunning.penaltyRates.notPublished')
              : t('dunning.penaltyRates.published', {
                  rate: formatRate(value.published, language),
                })}
          </Text>
        </>
      )}
      {canEdit ? (
        <>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => onEdit(series, halfYear, value.effective ?? 0)}
            data-testid={`penalty-rate-edit-${series}-${halfYear}`}
          >
            {t('dunning.penaltyRates.edit')}
          </Button>
          {value.company === null ? null : (
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              loading={reset.isPending}
              onClick={() => reset.mutate({ series, halfYear, basisPoints: null })}
              data-testid={`penalty-rate-reset-${series}-${halfYear}`}
            >
              {t('dunning.penaltyRates.reset')}
            </Button>
          )}
        </>
      ) : null}
    </Group>
  );
  return (
    <>
      {reset.isError ? <ErrorAlert error={reset.error} /> : null}
      <ScrollArea.Autosize mah={360}>
        <Table striped data-testid="penalty-rate-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dunning.penaltyRates.halfYear')}</Table.Th>
              <Table.Th>{t('dunning.penaltyRates.ecbMro')}</Table.Th>
              <Table.Th>{t('dunning.penaltyRates.legalProfessional')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((line) => (
              <Table.Tr key={line.halfYear}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{line.halfYear}</Text>
                    {line.halfYear === list.currentHalfYear ? (
                      <Badge size="xs" color="green" variant="light">
                        {t('dunning.penaltyRates.current')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>{cell('ecb_mro', line.halfYear, line.ecbMro)}</Table.Td>
                <Table.Td>
                  {cell('legal_professional', line.halfYear, line.legalProfessional)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </>
  );
}

/** One rate to enter: a half-year (one not published yet too), its series, the rate in %. */
function RateForm({
  initial,
  currentHalfYear,
}: {
  initial: { series: Series; halfYear: string; rate: number } | undefined;
  currentHalfYear: string;
}) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const [halfYear, setHalfYear] = useState(initial?.halfYear ?? currentHalfYear);
  const [series, setSeries] = useState<Series>(initial?.series ?? 'ecb_mro');
  const [percent, setPercent] = useState<number | string>(
    initial === undefined ? '' : initial.rate / 100,
  );
  const save = useSavePenaltyRate();
  const errors =
    save.error instanceof ApiError
      ? fieldErrorsOf(save.error.problem, (field) => RATE_FIELDS.has(field), describeIssue)
      : { fields: {}, other: [] };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({
          series,
          halfYear: halfYear.trim(),
          basisPoints: typeof percent === 'number' ? Math.round(percent * 100) : Number.NaN,
        });
      }}
      data-testid="penalty-rate-form"
    >
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t('dunning.penaltyRates.halfYear')}
          description={t('dunning.penaltyRates.halfYearHint')}
          value={halfYear}
          onChange={(event) => {
            save.reset();
            setHalfYear(event.currentTarget.value);
          }}
          w={140}
          error={errors.fields['halfYear']}
          data-testid="penalty-rate-half-year"
        />
        <Select
          label={t('dunning.penaltyRates.series')}
          data={[
            { value: 'ecb_mro', label: t('dunning.penaltyRates.ecbMro') },
            { value: 'legal_professional', label: t('dunning.penaltyRates.legalProfessional') },
          ]}
          value={series}
          onChange={(value) => {
            save.reset();
            setSeries(value === 'legal_professional' ? 'legal_professional' : 'ecb_mro');
          }}
          allowDeselect={false}
          w={220}
          data-testid="penalty-rate-series"
        />
        <NumberInput
          label={t('dunning.penaltyRates.rate')}
          value={percent}
          onChange={(value) => {
            save.reset();
            setPercent(value);
          }}
          decimalScale={2}
          decimalSeparator={language === 'fr' ? ',' : '.'}
          min={0}
          max={50}
          suffix=" %"
          w={120}
          error={errors.fields['basisPoints']}
          data-testid="penalty-rate-value"
        />
        <Button
          type="submit"
          mt={24}
          loading={save.isPending}
          disabled={percent === ''}
          data-testid="penalty-rate-save"
        >
          {t('dunning.penaltyRates.save')}
        </Button>
      </Group>
      {save.isError && !(save.error instanceof ApiError) ? <ErrorAlert error={save.error} /> : null}
      {errors.other.length > 0 ? (
        <Alert color="red" variant="light" mt="xs">
          {errors.other.join(' ')}
        </Alert>
      ) : null}
      {save.isSuccess ? (
        <Alert color="green" variant="light" mt="xs" data-testid="penalty-rate-saved">
          {t('dunning.penaltyRates.saved')}
        </Alert>
      ) : null}
    </form>
  );
}
