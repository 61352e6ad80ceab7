import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Collapse,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ZScoreScale } from '../../../../src/credit/screening-schemas.ts';
import { toLanguage } from '../../../../src/shared/language.ts';
import { messageOf } from '../../../../src/shared/messages/catalogue.ts';
import { ApiError } from '../../api.ts';
import { describeError, ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { useCurrentSession } from '../auth/session.ts';
import { useCustomer } from '../customers/customers-api.ts';
import { canDecideCredit } from './credit-model.ts';
import { useScreenCustomer, useScreens } from './screening-api.ts';
import {
  buildScreeningRequest,
  EMPTY_SCREENING_VALUES,
  headcountBandOf,
  isScreeningOpenByDefault,
  screeningProblemOf,
  screeningText,
  verdictTone,
  type LocalScreeningProblem,
  type ScreeningField,
  type ScreeningFormValues,
  type ScreeningProblem,
  type TSolvencyScreen,
} from './screening-model.ts';

/**
 * The « Solvabilité » panel of the « Crédit » tab (issue 12, docs/screening.md): the latest
 * screen's verdict as a badge, its reasons in words, what it judged (the company record,
 * the proceedings, the incidents, the score), the sources asked and how they answered, who
 * screened and when, and the earlier screens. Open by default for a prospect, folded under
 * its latest verdict for an existing customer; « Analyser » / « Relancer l'analyse » for
 * the roles with `credit:decide`.
 */
export function ScreeningPanel({ customerId }: { customerId: string }) {
  const screens = useScreens(customerId);
  // The customer's page has read its record already: its status and SIREN come from cache.
  const customer = useCustomer(customerId);
  if (screens.isError) {
    return <ErrorAlert error={screens.error} onRetry={() => void screens.refetch()} />;
  }
  if (screens.data === undefined) {
    return <Skeleton height={80} radius="md" />;
  }
  return (
    <ScreeningView
      customerId={customerId}
      screens={screens.data}
      status={customer.data?.status}
      hasSiren={customer.data === undefined || (customer.data.siren ?? '').trim() !== ''}
    />
  );
}

function ScreeningView(props: {
  customerId: string;
  screens: readonly TSolvencyScreen[];
  status: string | undefined;
  hasSiren: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useCurrentSession();
  const [isExpandedByUser, setExpandedByUser] = useState<boolean | null>(null);
  const [isFormOpen, setFormOpen] = useState(false);
  const isProspect = isScreeningOpenByDefault(props.status);
  const isExpanded = isExpandedByUser ?? isProspect;
  const latest = props.screens[0];
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="solvency-screen"
      data-prospect={isProspect}
      style={
        isProspect && latest !== undefined
          ? { borderLeft: `4px solid var(--mantine-color-${verdictTone(latest.verdict)}-6)` }
          : undefined
      }
    >
      <Group justify="space-between" align="center" gap="xs" mb="xs">
        <Group gap="sm" align="center">
          <Title order={2} size={isProspect ? 'h4' : 'h5'}>
            {t('credit.screening.title')}
          </Title>
          {latest === undefined ? null : (
            <VerdictBadge screen={latest} testId="screening-verdict" />
          )}
        </Group>
        <Group gap="xs">
          {latest === undefined ? null : (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => setExpandedByUser(!isExpanded)}
              aria-expanded={isExpanded}
              data-testid="screening-toggle"
            >
              {t(isExpanded ? 'credit.screening.hideDetails' : 'credit.screening.showDetails')}
            </Button>
          )}
          {canDecideCredit(session.user.role) ? (
            <Button
              variant={latest === undefined ? 'filled' : 'default'}
              onClick={() => setFormOpen(true)}
              data-testid="screening-run"
            >
              {t(latest === undefined ? 'credit.screening.run' : 'credit.screening.rerun')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {latest === undefined ? (
        <Stack gap={2} data-testid="screening-empty">
          <Text fw={600}>{t('credit.screening.empty')}</Text>
          <Text size="sm" c="dimmed">
            {t('credit.screening.emptyHint')}
          </Text>
        </Stack>
      ) : (
        <>
          <Text size="sm" c="dimmed" data-testid="screening-by">
            {t('credit.screening.screenedBy', {
              date: format.dateTime(latest.screenedAt, session.company.timeZone),
              who: latest.screenedBy.name ?? t('credit.screening.someone'),
            })}
          </Text>
          <Collapse expanded={isExpanded} keepMounted={false}>
            <Stack gap="md" mt="sm">
              <ScreenDetails screen={latest} />
              <ScreeningHistory screens={props.screens} />
            </Stack>
          </Collapse>
        </>
      )}
      <Modal
        opened={isFormOpen}
        onClose={() => setFormOpen(false)}
        title={t('credit.screening.formTitle')}
        size="lg"
      >
        {isFormOpen ? (
          <ScreeningForm
            customerId={props.customerId}
            hasSiren={props.hasSiren}
            onDone={() => setFormOpen(false)}
          />
        ) : null}
      </Modal>
    </Paper>
  );
}

/** « Accord », « Accord avec acompte de 30 % », « Refus », in its colour. */
function VerdictBadge({ screen, testId }: { screen: TSolvencyScreen; testId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label =
    screen.verdict === 'go_with_deposit' && screen.depositBps !== null
      ? t('credit.screening.withDeposit', { percent: format.percent(screen.depositBps / 10_000) })
      : t(`credit.screening.verdict.${screen.verdict}`);
  return (
    <Badge
      color={verdictTone(screen.verdict)}
      variant="filled"
      size="lg"
      data-testid={testId}
      data-verdict={screen.verdict}
    >
      {label}
    </Badge>
  );
}

function Block({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Stack gap={4} data-testid={testId}>
      <Title order={3} size="h6">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Dimmed({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** The reasons, the notices, and what was judged. */
function ScreenDetails({ screen }: { screen: TSolvencyScreen }) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  return (
    <Stack gap="md">
      <Block title={t('credit.screening.reasons')} testId="screening-reasons">
        <Stack gap={4} component="ul" p={0} m={0}>
          {screen.reasons.map((reason, index) => (
            <Text
              // A code may come twice (two unclassified BODACC notices): its place tells them apart.
              key={`${reason.code}-${index}`}
              component="li"
              size="sm"
              style={{ listStyle: 'none', overflowWrap: 'anywhere' }}
              data-testid="screening-reason"
              data-code={reason.code}
            >
              {screeningText(language, reason)}
            </Text>
          ))}
        </Stack>
      </Block>
      {screen.notices.length === 0 ? null : (
        <Alert color="yellow" variant="light" title={t('credit.screening.notices')}>
          <Stack gap={2} data-testid="screening-notices">
            {screen.notices.map((notice, index) => (
              <Text key={`${notice.code}-${index}`} size="sm">
                {screeningText(language, notice)}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CompanyBlock company={screen.company} />
        <ProceedingsBlock proceedings={screen.proceedings} />
        <IncidentsBlock incidents={screen.incidents} />
        <ScoreBlock score={screen.score} />
        <SourcesBlock sources={screen.sources} />
      </SimpleGrid>
    </Stack>
  );
}

function FactRow({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Td c="dimmed" w="45%">
        {label}
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
    </Table.Tr>
  );
}

function CompanyBlock({ company }: { company: TSolvencyScreen['company'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (company === null) {
    return (
      <Block title={t('credit.screening.company.title')} testId="screening-company">
        <Dimmed>{t('credit.screening.company.none')}</Dimmed>
      </Block>
    );
  }
  const unknown = t('credit.screening.unknown');
  const band = company.headcountBand === null ? undefined : headcountBandOf(company.headcountBand);
  const legalForm =
    company.legalFormCode === null
      ? unknown
      : company.legalFormLabel === null
        ? company.legalFormCode
        : `${company.legalFormLabel} (${company.legalFormCode})`;
  const state =
    company.state === 'active'
      ? t('credit.screening.company.active')
      : company.ceasedOn === null
        ? t('credit.screening.company.ceased')
        : t('credit.screening.company.ceasedOn', { date: format.day(company.ceasedOn) });
  return (
    <Block title={t('credit.screening.company.title')} testId="screening-company">
      <Table verticalSpacing={2} fz="sm">
        <Table.Tbody>
          <FactRow label={t('credit.screening.company.name')} value={company.name ?? unknown} />
          <FactRow label={t('credit.screening.company.legalForm')} value={legalForm} />
          <FactRow
            label={t('credit.screening.company.createdOn')}
            value={company.createdOn === null ? unknown : format.day(company.createdOn)}
          />
          <FactRow
            label={t('credit.screening.company.activityCode')}
            value={company.activityCode ?? unknown}
          />
          <FactRow
            label={t('credit.screening.company.headcount')}
            value={
              band === undefined
                ? (company.headcountBand ?? unknown)
                : t(`credit.screening.headcount.${band}`)
            }
          />
          <FactRow label={t('credit.screening.company.state')} value={state} />
        </Table.Tbody>
      </Table>
      <Dimmed>
        {t('credit.screening.company.from', {
          source: t(`credit.screening.company.source.${company.source}`),
          date: format.day(company.asOf),
        })}
      </Dimmed>
      {company.isPartiallyDiffusible ? (
        <Dimmed>{t('credit.screening.company.partial')}</Dimmed>
      ) : null}
    </Block>
  );
}

function ProceedingsBlock({ proceedings }: { proceedings: TSolvencyScreen['proceedings'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Block title={t('credit.screening.proceedings.title')} testId="screening-proceedings">
      {proceedings.length === 0 ? (
        <Dimmed>{t('credit.screening.proceedings.none')}</Dimmed>
      ) : (
        <Stack gap={2} component="ul" p={0} m={0}>
          {proceedings.map((proceeding) => (
            <Text
              key={`${proceeding.publishedOn}-${proceeding.reference ?? proceeding.label}`}
              component="li"
              size="sm"
              style={{ listStyle: 'none', overflowWrap: 'anywhere' }}
              data-testid="screening-proceeding"
            >
              {t('credit.screening.proceedings.line', {
                kind: t(`credit.screening.proceedings.kind.${proceeding.kind}`),
                label: proceeding.label,
                court: proceeding.court,
                // The judgement's day when the notice gives it, else its publication's.
                date: format.day(proceeding.judgedOn ?? proceeding.publishedOn),
              })}
            </Text>
          ))}
        </Stack>
      )}
    </Block>
  );
}

function IncidentsBlock({ incidents }: { incidents: TSolvencyScreen['incidents'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Block title={t('credit.screening.incidents.title')} testId="screening-incidents">
      {incidents === null ? (
        <Dimmed>{t('credit.screening.incidents.none')}</Dimmed>
      ) : (
        <Text size="sm">
          {t('credit.screening.incidents.summary', {
            count: incidents.count,
            // Amounts of the screen are euro cents (src/credit/screening-schemas.ts).
            amount: format.amount(incidents.amountCents, 'EUR'),
          })}
          {incidents.lastOn === null
            ? ''
            : ` · ${t('credit.screening.incidents.last', { date: format.day(incidents.lastOn) })}`}
        </Text>
      )}
    </Block>
  );
}

function ScoreBlock({ score }: { score: TSolvencyScreen['score'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Block title={t('credit.screening.score.title')} testId="screening-score">
      {score === null ? (
        <Dimmed>{t('credit.screening.score.none')}</Dimmed>
      ) : (
        <>
          <Text size="sm">
            {score.normalized === null
              ? t('credit.screening.score.unrated', {
                  raw: score.raw,
                  scale: t(`credit.screening.scale.${score.scale}`),
                })
              : t('credit.screening.score.value', {
                  raw: score.raw,
                  scale: t(`credit.screening.scale.${score.scale}`),
                  normalized: score.normalized,
                })}
          </Text>
          <Dimmed>
            {t('credit.screening.score.from', {
              source: score.source,
              origin: t(`credit.screening.score.origin.${score.origin}`),
              date: format.day(score.assessedOn),
            })}
          </Dimmed>
        </>
      )}
    </Block>
  );
}

function SourcesBlock({ sources }: { sources: TSolvencyScreen['sources'] }) {
  const { t } = useTranslation();
  return (
    <Block title={t('credit.screening.sources.title')} testId="screening-sources">
      {sources.length === 0 ? (
        <Dimmed>{t('credit.screening.sources.none')}</Dimmed>
      ) : (
        <Stack gap={2} component="ul" p={0} m={0}>
          {sources.map((entry) => (
            <Group
              key={entry.source}
              component="li"
              gap="xs"
              style={{ listStyle: 'none' }}
              data-testid="screening-source"
              data-outcome={entry.outcome}
            >
              <Text size="sm">{t(`credit.screening.sources.name.${entry.source}`)}</Text>
              <Badge
                size="sm"
                variant="light"
                color={
                  entry.outcome === 'answered'
                    ? 'green'
                    : entry.outcome === 'failed'
                      ? 'red'
                      : 'gray'
                }
              >
                {t(`credit.screening.sources.outcome.${entry.outcome}`)}
                {entry.failure === null
                  ? ''
                  : ` · ${t(`credit.screening.sources.failure.${entry.failure}`)}`}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Block>
  );
}

/** Every screen, newest first: when, the verdict, who. */
function ScreeningHistory({ screens }: { screens: readonly TSolvencyScreen[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { timeZone } = useCurrentSession().company;
  if (screens.length < 2) {
    return null;
  }
  return (
    <Block title={t('credit.screening.history.title')} testId="screening-history">
      <Table verticalSpacing={4} fz="sm" aria-label={t('credit.screening.history.label')}>
        <Table.Tbody>
          {screens.map((screen) => (
            <Table.Tr key={screen.id} data-testid="screening-history-row">
              <Table.Td>{format.dateTime(screen.screenedAt, timeZone)}</Table.Td>
              <Table.Td>
                <VerdictBadge screen={screen} testId="screening-history-verdict" />
              </Table.Td>
              <Table.Td>{screen.screenedBy.name ?? t('credit.screening.someone')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Block>
  );
}

/** The refusal in words; what is not a server's answer (the network) is said as it is. */
function useScreeningProblem(error: unknown): ScreeningProblem {
  const { i18n } = useTranslation();
  if (error === null || error === undefined) {
    return { fields: {}, messages: [] };
  }
  return error instanceof ApiError
    ? screeningProblemOf(toLanguage(i18n.resolvedLanguage), error.problem)
    : { fields: {}, messages: [describeError(error)] };
}

/**
 * « Analyser »: an optional score (its value, scale and source), optional payment incidents
 * (count, amount in euros), whether to ask Sirene and the BODACC, and whether the user read
 * the BODACC. The server judges and stores; its issues are said under their inputs.
 */
function ScreeningForm(props: { customerId: string; hasSiren: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const [values, setValues] = useState<ScreeningFormValues>(EMPTY_SCREENING_VALUES);
  const [local, setLocal] = useState<Partial<Record<ScreeningField, LocalScreeningProblem>>>({});
  const screen = useScreenCustomer(props.customerId);
  const problem = useScreeningProblem(screen.error);
  const change = (patch: Partial<ScreeningFormValues>) => setValues({ ...values, ...patch });
  const fieldError = (field: ScreeningField): string | undefined => {
    const mine = local[field];
    return mine === undefined ? problem.fields[field] : t(`credit.screening.form.${mine}`);
  };
  const submit = () => {
    const built = buildScreeningRequest(values);
    if (!built.ok) {
      setLocal(built.problems);
      return;
    }
    setLocal({});
    screen.mutate(built.body, { onSuccess: props.onDone });
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      data-testid="screening-form"
    >
      <Stack gap="sm">
        {props.hasSiren ? null : (
          <Alert color="orange" variant="light" data-testid="screening-no-siren">
            {messageOf(language, 'screening_siren_missing')}
          </Alert>
        )}
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('credit.screening.form.score')}
            value={values.score}
            onChange={(event) => change({ score: event.currentTarget.value })}
            inputMode="decimal"
            miw={120}
            error={fieldError('score.raw')}
            data-testid="screening-form-score"
          />
          <Select
            label={t('credit.screening.form.scale')}
            value={values.scale}
            onChange={(value) => {
              const scale = ZScoreScale.safeParse(value);
              if (scale.success) {
                change({ scale: scale.data });
              }
            }}
            data={ZScoreScale.options.map((value) => ({
              value,
              label: t(`credit.screening.scale.${value}`),
            }))}
            allowDeselect={false}
            miw={160}
            error={fieldError('score.scale')}
            data-testid="screening-form-scale"
          />
          <TextInput
            label={t('credit.screening.form.source')}
            placeholder={t('credit.screening.form.sourcePlaceholder')}
            value={values.source}
            onChange={(event) => change({ source: event.currentTarget.value })}
            maxLength={100}
            miw={160}
            error={fieldError('score.source')}
            data-testid="screening-form-source"
          />
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('credit.screening.form.incidentCount')}
            value={values.incidentCount}
            onChange={(event) => change({ incidentCount: event.currentTarget.value })}
            inputMode="numeric"
            miw={160}
            error={fieldError('incidents.count')}
            data-testid="screening-form-incident-count"
          />
          <TextInput
            label={t('credit.screening.form.incidentAmount')}
            value={values.incidentAmount}
            onChange={(event) => change({ incidentAmount: event.currentTarget.value })}
            inputMode="decimal"
            miw={160}
            error={fieldError('incidents.amountCents')}
            data-testid="screening-form-incident-amount"
          />
        </Group>
        <Checkbox
          label={t('credit.screening.form.lookup')}
          description={t('credit.screening.form.lookupHint')}
          checked={values.lookup}
          onChange={(event) => change({ lookup: event.currentTarget.checked })}
          data-testid="screening-form-lookup"
        />
        <Checkbox
          label={t('credit.screening.form.proceedingsChecked')}
          checked={values.proceedingsChecked}
          onChange={(event) => change({ proceedingsChecked: event.currentTarget.checked })}
          data-testid="screening-form-proceedings-checked"
        />
        {problem.messages.length === 0 ? null : (
          <Alert color="red" variant="light" role="alert" data-testid="screening-form-problem">
            {problem.messages.map((text) => (
              <Text key={text} size="sm">
                {text}
              </Text>
            ))}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            {t('credit.screening.form.cancel')}
          </Button>
          <Button type="submit" loading={screen.isPending} data-testid="screening-form-submit">
            {t('credit.screening.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
