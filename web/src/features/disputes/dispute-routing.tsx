import { Button, Group, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDisputeDetail } from '../../../../src/disputes/schemas.ts';
import { CalendarDateInput } from '../../ui/calendar-date-input.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { MOVABLE_STATUSES, type MovableStatus } from './dispute-labels.ts';
import { useDepartments, useUpdateDispute } from './disputes-api.ts';
import { pickOne } from '../../ui/use-list-params.ts';

/**
 * Where the dispute goes: the department and the person who must answer, the deadline and
 * the status (resolving is its own form). Choosing a department fills in its default
 * assignee, as the server does when a dispute is opened.
 */
export function DisputeRouting({ dispute }: { dispute: TDisputeDetail }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const update = useUpdateDispute(dispute.id);
  const [departmentId, setDepartmentId] = useState(dispute.department?.id ?? '');
  const [name, setName] = useState(dispute.assignee.name ?? '');
  const [email, setEmail] = useState(dispute.assignee.email ?? '');
  const [deadline, setDeadline] = useState<string>(dispute.deadline);
  const [status, setStatus] = useState<MovableStatus>(
    pickOne(dispute.status, MOVABLE_STATUSES) ?? 'open',
  );

  const chooseDepartment = (id: string) => {
    setDepartmentId(id);
    const chosen = departments.data?.find((department) => department.id === id);
    if (chosen !== undefined) {
      setName(chosen.defaultAssignee.name ?? '');
      setEmail(chosen.defaultAssignee.email ?? '');
    }
  };
  const save = () => {
    const keptName = name.trim();
    const keptEmail = email.trim();
    update.mutate({
      status,
      departmentId: departmentId === '' ? null : departmentId,
      assignee: {
        name: keptName === '' ? null : keptName,
        email: keptEmail === '' ? null : keptEmail,
      },
      ...(deadline === '' ? {} : { deadline }),
    });
  };
  return (
    <Paper withBorder radius="md" p="md" data-testid="dispute-routing">
      <Title order={2} size="h4" mb="sm">
        {t('disputes.routing.title')}
      </Title>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <NativeSelect
            label={t('disputes.department')}
            value={departmentId}
            onChange={(event) => chooseDepartment(event.currentTarget.value)}
            data={[
              { value: '', label: t('disputes.noDepartment') },
              ...(departments.data ?? []).map((department) => ({
                value: department.id,
                label: department.name,
              })),
            ]}
            data-testid="dispute-routing-department"
          />
          <NativeSelect
            label={t('disputes.status')}
            value={status}
            onChange={(event) =>
              setStatus(pickOne(event.currentTarget.value, MOVABLE_STATUSES) ?? 'open')
            }
            data={MOVABLE_STATUSES.map((value) => ({
              value,
              label: t(`disputes.statuses.${value}`),
            }))}
            data-testid="dispute-routing-status"
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={t('disputes.routing.assigneeName')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            data-testid="dispute-routing-name"
          />
          <TextInput
            label={t('disputes.routing.assigneeEmail')}
            type="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            data-testid="dispute-routing-email"
          />
        </Group>
        <CalendarDateInput
          label={t('disputes.deadline')}
          value={deadline}
          onChange={setDeadline}
          data-testid="dispute-routing-deadline"
        />
        {update.isError ? <ErrorAlert error={update.error} /> : null}
        <Group justify="flex-end">
          <Button onClick={save} loading={update.isPending} data-testid="dispute-routing-save">
            {t('disputes.routing.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
