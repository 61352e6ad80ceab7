import {
  Anchor,
  Badge,
  Button,
  Divider,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarDate } from '../../../../src/shared/calendar-date.ts';
import { Amount } from '../../ui/amount.tsx';
import { DaysLateBadge } from '../../ui/days-late-badge.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { RiskBadge } from '../customers/customer-badges.tsx';
import { channelKey } from './agenda-item-card.tsx';
import { FOCUS_IDS } from './agenda-focus.ts';
import { KIND_COLORS } from './agenda-labels.ts';
import { isApproval, stepDayLabel, type CompletionDraft } from './agenda-model.ts';
import type { TAgendaItem } from './agenda-schemas.ts';
import classes from './agenda.module.css';
import { CompletionForm, type FieldProblems } from './completion-form.tsx';
import { ItemActions } from './item-actions.tsx';

export type AgendaPanelProps = {
  item: TAgendaItem;
  today: CalendarDate;
  /** Whether the user may act on the agenda (`dunning:assign`); else the panel only reads. */
  canAct: boolean;
  draft: CompletionDraft;
  onDraftChange: (draft: CompletionDraft) => void;
  problems: FieldProblems;
  onSave: () => void;
  onApprove: () => void;
  onDismiss: () => void;
  onSnooze: (until: CalendarDate) => void;
  onReassign: (assigneeId: string) => void;
  isSnoozeOpen: boolean;
  onSnoozeOpenChange: (isOpen: boolean) => void;
  /** Which change is on its way, if any. */
  busy: 'complete' | 'approve' | 'dismiss' | 'snooze' | 'reassign' | null;
  error: unknown;
};

/**
 * The action opened: whom to call and how, the invoices at stake, the call script or the
 * message waiting for approval, the promise it follows; then what the collector did.
 */
export function AgendaPanel(props: AgendaPanelProps) {
  const { item } = props;
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="agenda-panel" data-item-id={item.id}>
      <Stack gap="md">
        <Stack gap={6}>
          <Group gap="xs">
            <Badge color={KIND_COLORS[item.kind]} variant="light">
              {t(`agenda.kinds.${item.kind}`)}
            </Badge>
            <RiskBadge risk={item.customer.riskCategory} />
            {item.step === null ? null : (
              <Text size="sm" c="dimmed" data-testid="agenda-panel-step">
                {stepDayLabel(item.step.day)} ·{' '}
                {t(`agenda.channels.${channelKey(item.step.channel)}`)} · {item.step.scenarioName}
              </Text>
            )}
          </Group>
          <Title order={2} size="h4" className={classes.wrap}>
            <Anchor component={Link} to={`/customers/${item.customer.id}`} inherit>
              {item.customer.code} · {item.customer.name}
            </Anchor>
          </Title>
          {item.note === null ? null : (
            <Text size="sm" c="dimmed" className={classes.wrap}>
              {item.note}
            </Text>
          )}
        </Stack>
        <ContactBlock item={item} />
        <InvoicesBlock item={item} />
        {item.promise === null ? null : <PromiseBlock item={item} promise={item.promise} />}
        {item.script === null ? null : (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('agenda.panel.script')}
            </Text>
            <Paper bg="var(--mantine-color-default-hover)" p="sm" radius="sm">
              <pre className={`${classes.script} ${classes.wrap}`} data-testid="agenda-script">
                {item.script}
              </pre>
            </Paper>
          </Stack>
        )}
        {item.preview === null ? null : (
          <Stack gap={4} data-testid="agenda-preview">
            <Text size="sm" fw={600}>
              {t('agenda.panel.preview')}
            </Text>
            <Paper withBorder p="sm" radius="sm">
              {item.preview.subject === null ? null : (
                <Text size="sm" fw={600} className={classes.wrap}>
                  {t('agenda.panel.subject', { subject: item.preview.subject })}
                </Text>
              )}
              <pre className={`${classes.script} ${classes.wrap}`}>{item.preview.bodyText}</pre>
            </Paper>
          </Stack>
        )}
        {props.error === null ? null : <ErrorAlert error={props.error} />}
        {props.canAct ? <Actions {...props} /> : null}
      </Stack>
    </Paper>
  );
}

function Actions(props: AgendaPanelProps) {
  const { t } = useTranslation();
  const { item } = props;
  return (
    <>
      <Divider />
      {isApproval(item) ? (
        <Group gap="sm">
          <Button
            id={FOCUS_IDS.approve}
            onClick={props.onApprove}
            loading={props.busy === 'approve'}
            disabled={props.busy !== null && props.busy !== 'approve'}
            data-testid="agenda-approve"
          >
            {t('agenda.approval.approve')}
          </Button>
          <Button
            variant="default"
            onClick={props.onDismiss}
            loading={props.busy === 'dismiss'}
            disabled={props.busy !== null && props.busy !== 'dismiss'}
            data-testid="agenda-dismiss"
          >
            {t('agenda.approval.dismiss')}
          </Button>
        </Group>
      ) : (
        <CompletionForm
          item={item}
          draft={props.draft}
          onChange={props.onDraftChange}
          onSave={props.onSave}
          isSaving={props.busy === 'complete'}
          problems={props.problems}
        />
      )}
      <ItemActions
        item={item}
        today={props.today}
        isSnoozeOpen={props.isSnoozeOpen}
        onSnoozeOpenChange={props.onSnoozeOpenChange}
        onSnooze={props.onSnooze}
        onReassign={props.onReassign}
        isBusy={props.busy === 'snooze' || props.busy === 'reassign'}
      />
    </>
  );
}

function ContactBlock({ item }: { item: TAgendaItem }) {
  const { t } = useTranslation();
  const contact = item.contact;
  return (
    <Stack gap={2} data-testid="agenda-contact">
      <Text size="sm" fw={600}>
        {t('agenda.panel.contact')}
      </Text>
      {contact === null ? (
        <Text size="sm" c="dimmed">
          {t('agenda.panel.noContact')}
        </Text>
      ) : (
        <Group gap="md" className={classes.wrap}>
          {contact.name === null ? null : <Text size="sm">{contact.name}</Text>}
          {contact.phone === null ? null : (
            <Anchor
              href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}
              size="sm"
              data-testid="agenda-phone"
            >
              {contact.phone}
            </Anchor>
          )}
          {contact.email === null ? null : (
            <Anchor href={`mailto:${contact.email}`} size="sm" className={classes.wrap}>
              {contact.email}
            </Anchor>
          )}
        </Group>
      )}
    </Stack>
  );
}

function InvoicesBlock({ item }: { item: TAgendaItem }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (item.invoices.length === 0) {
    return null;
  }
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('agenda.panel.invoices')}
      </Text>
      <Table fz="sm" verticalSpacing={4} horizontalSpacing="xs" data-testid="agenda-invoices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('agenda.panel.number')}</Table.Th>
            <Table.Th>{t('agenda.panel.dueDate')}</Table.Th>
            <Table.Th ta="right">{t('agenda.panel.open')}</Table.Th>
            <Table.Th ta="right">{t('agenda.panel.daysLate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {item.invoices.map((invoice) => (
            <Table.Tr key={invoice.id}>
              <Table.Td>
                <Anchor component={Link} to={`/invoices/${invoice.id}`} inherit>
                  {invoice.number}
                </Anchor>
              </Table.Td>
              <Table.Td>{format.day(invoice.dueDate)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Amount value={invoice.openCents} currency={item.currency} />
              </Table.Td>
              <Table.Td ta="right">
                <DaysLateBadge days={invoice.daysLate} showNotDue />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function PromiseBlock({
  item,
  promise,
}: {
  item: TAgendaItem;
  promise: NonNullable<TAgendaItem['promise']>;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Stack gap={2} data-testid="agenda-promise">
      <Text size="sm" fw={600}>
        {t('agenda.panel.promise')}
      </Text>
      <Text size="sm">
        {promise.promisedOn === null
          ? t('agenda.panel.promiseUndated', {
              amount: format.amount(promise.amountCents, item.currency),
            })
          : t('agenda.panel.promiseLine', {
              amount: format.amount(promise.amountCents, item.currency),
              date: format.day(promise.promisedOn),
            })}
      </Text>
    </Stack>
  );
}
