import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAllocation } from '../../../../src/ledger/schemas.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { useUndoAllocation } from './customers-api.ts';

type UndoAllocationDialogProps = { allocation: TAllocation | null; onClose: () => void };

/** Asks before undoing: the invoice reopens and the cash becomes unapplied again. */
export function UndoAllocationDialog({ allocation, onClose }: UndoAllocationDialogProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const undo = useUndoAllocation();
  const close = () => {
    undo.reset();
    onClose();
  };
  return (
    <Modal
      opened={allocation !== null}
      onClose={close}
      title={t('customer.allocations.confirmTitle')}
      centered
      data-testid="undo-allocation-dialog"
    >
      {allocation === null ? null : (
        <Stack gap="md">
          <Text size="sm">
            {t('customer.allocations.confirmText', {
              amount: format.amount(allocation.amount, allocation.currency),
              invoice: allocation.invoiceNumber,
            })}
          </Text>
          {undo.isError ? <ErrorAlert error={undo.error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={undo.isPending}>
              {t('customer.allocations.keep')}
            </Button>
            <Button
              color="red"
              loading={undo.isPending}
              onClick={() => undo.mutate(allocation.id, { onSuccess: close })}
              data-testid="allocation-undo-confirm"
            >
              {t('customer.allocations.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
