import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPortalAccount } from '../../../../src/portal/schemas.ts';
import { adoptLanguage } from '../../i18n/i18n.ts';
import { describeError, ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { useLinkToken } from './access-token.ts';
import { LinkPageLayout, LinkPageProblem, LinkPageSkeleton } from './link-page-layout.tsx';
import { LinkQueryProvider } from './link-query-provider.tsx';
import { useApproveInvoices, usePortalAccount, type PortalItem } from './portal-api.ts';
import { PortalAccountSummary, PortalBankDetails } from './portal-account-summary.tsx';
import { PortalItemCard } from './portal-item-card.tsx';
import { useCauseName } from './use-cause-name.ts';
import { ProblemForm, PromiseForm } from './portal-forms.tsx';
import { hasOpenDispute, isActionable, numbersOf, selectionOf } from './portal-model.ts';

/**
 * The customer's portal (`/portail#<token>`, issue 10): its open invoices and credit notes,
 * its documents, where to pay, and three things to say per invoice or for a selection.
 * Opened from a link without an account, so it has its own frame and query client.
 */
export function PortalPage() {
  return (
    <LinkQueryProvider>
      <PortalScreen />
    </LinkQueryProvider>
  );
}

/** Which form is open, and for which invoices. */
type OpenForm = { kind: 'problem' | 'promise'; items: PortalItem[] } | null;

function PortalScreen() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const account = usePortalAccount(token);
  const data = account.data;
  return (
    <LinkPageLayout company={data?.company.legalName} title={t('portal.title')}>
      {token === undefined || account.isError ? (
        <LinkPageProblem
          error={account.error ?? undefined}
          onRetry={() => void account.refetch()}
        />
      ) : data === undefined ? (
        <LinkPageSkeleton />
      ) : (
        <PortalAccountView token={token} account={data} />
      )}
    </LinkPageLayout>
  );
}

function PortalAccountView({ token, account }: { token: string; account: TPortalAccount }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const approve = useApproveInvoices(token);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [form, setForm] = useState<OpenForm>(null);
  const [feedback, setFeedback] = useState<string[]>([]);
  const causeName = useCauseName();
  useEffect(() => {
    if (account.preferredLanguage !== null) {
      void adoptLanguage(account.preferredLanguage);
    }
  }, [account.preferredLanguage]);

  const actionable = account.items.filter(isActionable);
  const selection = selectionOf(account.items, chosen);
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) {
      next.delete(id);
    } else {
      next.add(id);
    }
    setChosen(next);
  };
  const done = (message: string[]) => {
    setFeedback(message);
    setForm(null);
    setChosen(new Set());
  };

  const onApprove = (items: PortalItem[]) => {
    const toApprove = items.filter((item) => item.approvedAt === null);
    if (toApprove.length === 0) {
      return;
    }
    approve.mutate(
      toApprove.map((item) => item.invoiceId),
      {
        onSuccess: () =>
          done([
            t('portal.actions.approved', {
              count: toApprove.length,
              numbers: numbersOf(toApprove),
            }),
          ]),
      },
    );
  };
  const onProblem = (items: PortalItem[]) => {
    const free = items.filter((item) => !hasOpenDispute(item));
    if (free.length > 0) {
      setForm({ kind: 'problem', items: free });
    }
  };
  const onPromise = (items: PortalItem[]) => setForm({ kind: 'promise', items });

  return (
    <Stack gap="md" data-testid="portal-page">
      {feedback.length === 0 ? null : (
        <Alert
          color="teal"
          variant="light"
          withCloseButton
          closeButtonLabel={t('portal.actions.close')}
          onClose={() => setFeedback([])}
          data-testid="portal-feedback"
        >
          <Stack gap={4}>
            {feedback.map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {approve.isError ? <ErrorAlert error={approve.error} /> : null}
      <PortalAccountSummary token={token} account={account} />
      <Group justify="space-between" align="center">
        <Title order={2} size="h4">
          {t('portal.items.title')}
        </Title>
        {actionable.length > 1 ? (
          <Checkbox
            size="md"
            label={t('portal.items.selectAll')}
            checked={selection.items.length === actionable.length}
            indeterminate={selection.items.length > 0 && selection.items.length < actionable.length}
            onChange={() =>
              setChosen(
                selection.items.length === actionable.length
                  ? new Set()
                  : new Set(actionable.map((item) => item.invoiceId)),
              )
            }
            data-testid="items-select-all"
          />
        ) : null}
      </Group>
      {account.items.length === 0 ? (
        <Paper withBorder p="md" radius="md">
          <Text c="dimmed" data-testid="portal-empty">
            {t('portal.items.empty')}
          </Text>
        </Paper>
      ) : (
        <Stack gap="sm" role="list" aria-label={t('portal.items.label')} data-testid="portal-items">
          {account.items.map((item) => (
            <PortalItemCard
              key={item.invoiceId}
              token={token}
              item={item}
              isChosen={chosen.has(item.invoiceId)}
              onToggle={() => toggle(item.invoiceId)}
              isBusy={approve.isPending}
              onApprove={onApprove}
              onProblem={onProblem}
              onPromise={onPromise}
            />
          ))}
        </Stack>
      )}
      {account.disputes.length === 0 ? null : (
        <Paper withBorder p="md" radius="md" data-testid="portal-disputes">
          <Stack gap={4}>
            <Title order={2} size="h5">
              {t('portal.disputes.title')}
            </Title>
            {account.disputes.map((dispute) => (
              <Text key={dispute.id} size="sm" data-testid="portal-dispute">
                {t('portal.disputes.line', {
                  reference: dispute.reference,
                  cause: causeName(dispute.cause),
                  amount: format.amount(dispute.amountCents, dispute.currency),
                  date: format.day(dispute.raisedOn),
                })}{' '}
                · {t(`portal.items.disputeStatus.${dispute.status}`)}
              </Text>
            ))}
          </Stack>
        </Paper>
      )}
      <PortalBankDetails account={account} />
      {selection.items.length === 0 ? null : (
        <SelectionBar
          count={selection.items.length}
          amount={format.amount(selection.openCents, selection.currency)}
          isBusy={approve.isPending}
          onApprove={() => onApprove(selection.items)}
          onProblem={() => onProblem(selection.items)}
          onPromise={() => onPromise(selection.items)}
          onClear={() => setChosen(new Set())}
        />
      )}
      {form?.kind === 'problem' ? (
        <ProblemForm
          token={token}
          items={form.items}
          causes={account.causes.map((cause) => cause.code)}
          causeName={(code) =>
            causeName(code, account.causes.find((cause) => cause.code === code)?.label)
          }
          onClose={() => setForm(null)}
          onDone={(reported) =>
            done([
              t('portal.actions.disputeOpened', { reference: reported.reference }),
              ...reported.failedUploads.map(({ file, error }) =>
                t('portal.attachments.uploadFailed', {
                  name: file.name,
                  reason: describeError(error),
                }),
              ),
            ])
          }
        />
      ) : null}
      {form?.kind === 'promise' ? (
        <PromiseForm
          token={token}
          items={form.items}
          today={account.today}
          onClose={() => setForm(null)}
          onDone={(promise) =>
            done([
              t('portal.actions.promised', {
                date: format.day(promise.promisedOn),
                amount: format.amount(promise.amountCents, promise.currency),
              }),
            ])
          }
        />
      ) : null}
    </Stack>
  );
}

/**
 * The selection's actions, kept in view at the bottom of the screen while the list
 * scrolls: how many invoices, their open total, and the three actions for them all.
 */
function SelectionBar({
  count,
  amount,
  isBusy,
  onApprove,
  onProblem,
  onPromise,
  onClear,
}: {
  count: number;
  amount: string;
  isBusy: boolean;
  onApprove: () => void;
  onProblem: () => void;
  onPromise: () => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      shadow="md"
      p="sm"
      radius="md"
      pos="sticky"
      bottom={8}
      style={{ zIndex: 5 }}
      data-testid="selection-bar"
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600} data-testid="selection-summary">
            {t('portal.actions.selection', { count, amount })}
          </Text>
          <Button variant="subtle" size="compact-md" onClick={onClear}>
            {t('portal.actions.clearSelection')}
          </Button>
        </Group>
        <Button
          size="md"
          color="teal"
          loading={isBusy}
          onClick={onApprove}
          data-testid="selection-approve"
        >
          {t('portal.actions.approveSelection', { count })}
        </Button>
        <Group grow gap={6}>
          <Button
            size="md"
            variant="light"
            color="orange"
            onClick={onProblem}
            data-testid="selection-problem"
          >
            {t('portal.actions.problem')}
          </Button>
          <Button size="md" variant="light" onClick={onPromise} data-testid="selection-promise">
            {t('portal.actions.promise')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
