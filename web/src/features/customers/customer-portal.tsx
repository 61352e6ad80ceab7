import { Badge, Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ZCreatedPortalLink,
  ZInvoiceApprovalList,
  ZPortalLinkList,
  ZRevokedPortalLinks,
  type TPortalLink,
} from '../../../../src/portal/schemas.ts';
import { apiGet, apiSend } from '../../api.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { useCurrentSession } from '../auth/session.ts';
import { canChangeDisputes } from '../disputes/dispute-labels.ts';
import { OnceShownUrl } from '../disputes/dispute-links.tsx';
import { customerKeys } from './customers-api.ts';

const portalKeys = {
  links: (customerId: string) => [...customerKeys.all, customerId, 'portal-links'] as const,
  approvals: (customerId: string) => [...customerKeys.all, customerId, 'approvals'] as const,
};

function customerPath(customerId: string, rest: string): string {
  return `/api/customers/${encodeURIComponent(customerId)}${rest}`;
}

/** The customer's approved invoices (« I approve this invoice » in the portal), by invoice id. */
export function useInvoiceApprovals(customerId: string) {
  return useQuery({
    queryKey: portalKeys.approvals(customerId),
    queryFn: ({ signal }) =>
      apiGet(
        customerPath(customerId, '/invoice-approvals'),
        ZInvoiceApprovalList,
        undefined,
        signal,
      ),
    select: (list) =>
      new Map(list.items.map((approval) => [approval.invoiceId, approval.approvedAt])),
  });
}

/** « Approuvée le … » beside an open item the customer approved through the portal. */
export function ApprovedMark({ approvedAt }: { approvedAt: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useCurrentSession();
  if (approvedAt === undefined) {
    return null;
  }
  return (
    <Badge color="teal" variant="light" size="xs" data-testid="approved-mark">
      {t('disputes.portal.approvedOn', {
        date: format.dateTime(approvedAt, session.company.timeZone),
      })}
    </Badge>
  );
}

/**
 * « Portail »: a private link to the customer's account, its URL shown once with a copy
 * button; the links given out and their state; « Révoquer tous les liens ».
 */
export function CustomerPortalButton({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const [isOpen, setOpen] = useState(false);
  if (!canChangeDisputes(session.user.role)) {
    return null;
  }
  return (
    <>
      <Button
        variant="default"
        onClick={() => setOpen(true)}
        style={{ flexShrink: 0 }}
        data-testid="customer-portal"
      >
        {t('disputes.portal.button')}
      </Button>
      <Modal
        opened={isOpen}
        onClose={() => setOpen(false)}
        title={t('disputes.portal.title')}
        centered
        size="lg"
        data-testid="customer-portal-dialog"
      >
        {isOpen ? <PortalLinks customerId={customerId} /> : null}
      </Modal>
    </>
  );
}

function PortalLinks({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [days, setDays] = useState<number>(90);
  const links = useQuery({
    queryKey: portalKeys.links(customerId),
    queryFn: ({ signal }) =>
      apiGet(customerPath(customerId, '/portal-links'), ZPortalLinkList, undefined, signal),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: portalKeys.links(customerId) });
  const create = useMutation({
    mutationFn: () =>
      apiSend('POST', customerPath(customerId, '/portal-link'), ZCreatedPortalLink, { days }),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: () =>
      apiSend('POST', customerPath(customerId, '/portal-links/revoke'), ZRevokedPortalLinks),
    onSuccess: async () => {
      create.reset();
      await refresh();
    },
  });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('disputes.portal.explain')}
      </Text>
      <Group align="flex-end">
        <NumberInput
          label={t('disputes.portal.days')}
          min={1}
          max={365}
          allowDecimal={false}
          value={days}
          onChange={(value) => setDays(typeof value === 'number' ? value : Number(value))}
          w={140}
          data-testid="customer-portal-days"
        />
        <Button
          onClick={() => create.mutate()}
          loading={create.isPending}
          disabled={!Number.isInteger(days) || days < 1 || days > 365}
          data-testid="customer-portal-create"
        >
          {t('disputes.portal.create')}
        </Button>
      </Group>
      {create.data === undefined ? null : (
        <OnceShownUrl url={create.data.url} testId="customer-portal-url" />
      )}
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      <Text size="sm" fw={600}>
        {t('disputes.portal.links')}
      </Text>
      {links.isError ? (
        <ErrorAlert error={links.error} onRetry={() => void links.refetch()} />
      ) : null}
      {links.data?.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('disputes.portal.none')}
        </Text>
      ) : (
        <Stack gap={4}>
          {links.data?.items.map((link) => (
            <PortalLinkLine key={link.id} link={link} readAt={links.dataUpdatedAt} />
          ))}
        </Stack>
      )}
      {revoke.data === undefined ? null : (
        <Text size="sm" data-testid="customer-portal-revoked">
          {t('disputes.portal.revokedCount', { count: revoke.data.revoked })}
        </Text>
      )}
      {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
      <Group justify="flex-end">
        <Button
          color="red"
          variant="light"
          onClick={() => revoke.mutate()}
          loading={revoke.isPending}
          disabled={links.data?.items.every((link) => link.revokedAt !== null) ?? true}
          data-testid="customer-portal-revoke"
        >
          {t('disputes.portal.revokeAll')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A link given out: when, and whether it still opened the portal when the list was read. */
function PortalLinkLine({ link, readAt }: { link: TPortalLink; readAt: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useCurrentSession();
  const at = (instant: string) => format.dateTime(instant, session.company.timeZone);
  const state =
    link.revokedAt !== null
      ? t('disputes.portal.revoked', { date: at(link.revokedAt) })
      : new Date(link.expiresAt).getTime() <= readAt
        ? t('disputes.portal.expired', { date: at(link.expiresAt) })
        : t('disputes.portal.active', { date: at(link.expiresAt) });
  return (
    <Text size="xs" data-testid="customer-portal-link">
      {at(link.createdAt)} · {state}
      {link.lastUsedAt === null
        ? ''
        : ` · ${t('disputes.portal.lastUsed', { date: at(link.lastUsedAt) })}`}
    </Text>
  );
}
