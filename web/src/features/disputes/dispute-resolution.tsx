import { Alert, Badge, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DISPUTE_NOTE_LENGTH } from '../../../../src/disputes/model.ts';
import type { TDisputeDetail } from '../../../../src/disputes/schemas.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useFormatters } from '../../ui/format.ts';
import { pickOne } from '../../ui/use-list-params.ts';
import {
  OUTCOME_COLORS,
  RESOLUTION_CHOICES,
  resolutionRequest,
  type ResolutionChoice,
} from './dispute-labels.ts';
import { useResolveDispute } from './disputes-api.ts';

/**
 * « Résoudre »: the outcome (justified, with the credit note issued or to issue; rejected,
 * the customer must pay and the invoices go back to their scenario; a corrected invoice)
 * and a note.
 */
export function DisputeResolution({ dispute }: { dispute: TDisputeDetail }) {
  const { t } = useTranslation();
  const resolve = useResolveDispute(dispute.id);
  const [isOpen, setOpen] = useState(false);
  const [choice, setChoice] = useState<ResolutionChoice | null>(null);
  const [note, setNote] = useState('');
  const close = () => {
    resolve.reset();
    setOpen(false);
  };
  return (
    <>
      <Button color="green" onClick={() => setOpen(true)} data-testid="dispute-resolve">
        {t('disputes.resolve.button')}
      </Button>
      <Modal
        opened={isOpen}
        onClose={close}
        title={t('disputes.resolve.title', { reference: dispute.reference })}
        centered
        data-testid="dispute-resolve-dialog"
      >
        <Stack gap="sm">
          <Radio.Group
            label={t('disputes.resolve.outcome')}
            value={choice}
            onChange={(value) => setChoice(pickOne(value, RESOLUTION_CHOICES) ?? null)}
          >
            <Stack gap={6} mt={6}>
              {RESOLUTION_CHOICES.map((value) => (
                <Radio
                  key={value}
                  value={value}
                  label={t(`disputes.resolve.choices.${value}`)}
                  data-testid={`dispute-resolve-${value}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('disputes.resolve.note')}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={MAX_DISPUTE_NOTE_LENGTH}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            data-testid="dispute-resolve-note"
          />
          {resolve.isError ? <ErrorAlert error={resolve.error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={resolve.isPending}>
              {t('disputes.cancel')}
            </Button>
            <Button
              color="green"
              disabled={choice === null}
              loading={resolve.isPending}
              onClick={() => {
                if (choice !== null) {
                  resolve.mutate(resolutionRequest(choice, note), { onSuccess: close });
                }
              }}
              data-testid="dispute-resolve-confirm"
            >
              {t('disputes.resolve.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** How a resolved dispute ended, by whom and when, with its note. */
export function ResolvedOutcome({ dispute }: { dispute: TDisputeDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (dispute.status !== 'resolved' || dispute.outcome === null) {
    return null;
  }
  return (
    <Alert
      color={OUTCOME_COLORS[dispute.outcome]}
      variant="light"
      data-testid="dispute-outcome"
      title={
        <Group gap="xs">
          <Badge color={OUTCOME_COLORS[dispute.outcome]} data-testid="dispute-outcome-badge">
            {t(`disputes.outcomes.${dispute.outcome}`)}
          </Badge>
          {dispute.creditNote === null ? null : (
            <Text span size="sm" fw={600}>
              {t(`disputes.creditNotes.${dispute.creditNote}`)}
            </Text>
          )}
        </Group>
      }
    >
      <Stack gap={4}>
        {dispute.resolutionNote === null ? null : (
          <Text size="sm" data-testid="dispute-resolution-note">
            {dispute.resolutionNote}
          </Text>
        )}
        {dispute.resolvedOn === null ? null : (
          <Text size="xs" c="dimmed">
            {t('disputes.resolve.resolvedBy', {
              date: format.day(dispute.resolvedOn),
              actor: dispute.resolvedBy?.name ?? t('disputes.system'),
            })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
