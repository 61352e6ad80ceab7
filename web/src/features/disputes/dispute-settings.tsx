import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDepartment, TDisputeCause } from '../../../../src/disputes/schemas.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useCurrentSession } from '../auth/session.ts';
import { SettingsSection } from '../settings/settings-section.tsx';
import { canChangeDisputes } from './dispute-labels.ts';
import {
  useDepartments,
  useDisputeCauses,
  useSaveCause,
  useSaveDepartment,
} from './disputes-api.ts';
import { useCauseLabel } from './use-dispute-words.ts';

/**
 * The company's causes (label, days the department is given, in use or not) and its
 * departments (who answers by default, who is told when it is late). Every role reads them;
 * only a role that manages disputes changes them.
 */
export function DisputeSettings() {
  const session = useCurrentSession();
  const canEdit = canChangeDisputes(session.user.role);
  return (
    <Stack gap="md" data-testid="dispute-settings">
      <CauseSettings canEdit={canEdit} />
      <DepartmentSettings canEdit={canEdit} />
    </Stack>
  );
}

// Both cards are SettingsSection (settings/settings-section.tsx), made for settings not yet
// stored (`null`); a list is never null, hence `?? []` and the empty list's line.
function CauseSettings({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const causes = useDisputeCauses();
  return (
    <SettingsSection
      testId="dispute-cause-settings"
      title={t('disputes.settings.causes')}
      explanation={t('disputes.settings.causesExplain')}
      settings={causes}
      placeholderHeight={240}
    >
      {(list) => (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('disputes.settings.causes')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('disputes.settings.label')}</Table.Th>
                <Table.Th>{t('disputes.settings.deadlineDays')}</Table.Th>
                <Table.Th>{t('disputes.settings.active')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list ?? []).map((cause) => (
                <CauseRow
                  key={`${cause.code}-${cause.label ?? ''}-${cause.deadlineDays}-${String(cause.isActive)}`}
                  cause={cause}
                  canEdit={canEdit}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SettingsSection>
  );
}

function CauseRow({ cause, canEdit }: { cause: TDisputeCause; canEdit: boolean }) {
  const { t } = useTranslation();
  const causeLabel = useCauseLabel();
  const save = useSaveCause();
  const shown = causeLabel(cause.code);
  const [label, setLabel] = useState(shown);
  // A default left as it reads keeps its own words in each language; emptied, it gets them back.
  const words = label.trim();
  const labelChange =
    words === shown ? {} : { label: words === '' && cause.isDefault ? null : words };
  const [days, setDays] = useState<number>(cause.deadlineDays);
  const [isActive, setActive] = useState(cause.isActive);
  return (
    <>
      <Table.Tr data-testid="dispute-cause-row" data-code={cause.code}>
        <Table.Td>
          <TextInput
            size="xs"
            aria-label={t('disputes.settings.label')}
            value={label}
            disabled={!canEdit}
            maxLength={80}
            onChange={(event) => setLabel(event.currentTarget.value)}
          />
        </Table.Td>
        <Table.Td>
          <NumberInput
            size="xs"
            w={90}
            aria-label={t('disputes.settings.deadlineDays')}
            min={1}
            max={365}
            allowDecimal={false}
            value={days}
            disabled={!canEdit}
            onChange={(value) => setDays(typeof value === 'number' ? value : Number(value))}
          />
        </Table.Td>
        <Table.Td>
          <Checkbox
            aria-label={t('disputes.settings.active')}
            checked={isActive}
            disabled={!canEdit}
            onChange={(event) => setActive(event.currentTarget.checked)}
          />
        </Table.Td>
        <Table.Td>
          {canEdit ? (
            <Button
              size="xs"
              variant="default"
              loading={save.isPending}
              disabled={(words === '' && !cause.isDefault) || !Number.isInteger(days)}
              onClick={() =>
                save.mutate({
                  code: cause.code,
                  body: { ...labelChange, deadlineDays: days, isActive },
                })
              }
              data-testid="dispute-cause-save"
            >
              {t('disputes.settings.save')}
            </Button>
          ) : null}
        </Table.Td>
      </Table.Tr>
      {save.isError ? (
        <Table.Tr>
          <Table.Td colSpan={4}>
            <ErrorAlert error={save.error} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}

function DepartmentSettings({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  return (
    <SettingsSection
      testId="department-settings"
      title={t('disputes.settings.departments')}
      explanation={t('disputes.settings.departmentsExplain')}
      settings={departments}
      placeholderHeight={120}
    >
      {(list) => (
        <Stack gap="sm">
          {list === null || list.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('disputes.settings.noDepartment')}
            </Text>
          ) : (
            list.map((department) => (
              <DepartmentForm
                key={`${department.id}-${department.name}-${department.isActive}`}
                department={department}
                canEdit={canEdit}
              />
            ))
          )}
          {canEdit ? <DepartmentForm key="new" department={undefined} canEdit /> : null}
        </Stack>
      )}
    </SettingsSection>
  );
}

/** A department's name, default assignee and manager; without `department`, a new one. */
function DepartmentForm({
  department,
  canEdit,
}: {
  department: TDepartment | undefined;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const save = useSaveDepartment();
  const [code, setCode] = useState(department?.code ?? '');
  const [name, setName] = useState(department?.name ?? '');
  const [assigneeName, setAssigneeName] = useState(department?.defaultAssignee.name ?? '');
  const [assigneeEmail, setAssigneeEmail] = useState(department?.defaultAssignee.email ?? '');
  const [managerName, setManagerName] = useState(department?.manager.name ?? '');
  const [managerEmail, setManagerEmail] = useState(department?.manager.email ?? '');
  const [isActive, setActive] = useState(department?.isActive ?? true);
  const person = (personName: string, email: string) => ({
    name: personName.trim() === '' ? null : personName.trim(),
    email: email.trim() === '' ? null : email.trim(),
  });
  const submit = () => {
    const body = {
      name: name.trim(),
      defaultAssignee: person(assigneeName, assigneeEmail),
      manager: person(managerName, managerEmail),
      isActive,
    };
    if (department === undefined) {
      save.mutate(
        { id: undefined, body: { ...body, code: code.trim() } },
        {
          onSuccess: () => {
            setCode('');
            setName('');
            setAssigneeName('');
            setAssigneeEmail('');
            setManagerName('');
            setManagerEmail('');
          },
        },
      );
    } else {
      save.mutate({ id: department.id, body });
    }
  };
  return (
    <Paper
      withBorder
      radius="sm"
      p="sm"
      {...(department === undefined ? { bg: 'gray.0' } : {})}
      data-testid={department === undefined ? 'department-new' : 'department-row'}
    >
      <Stack gap="xs">
        {department === undefined ? (
          <Text size="sm" fw={600}>
            {t('disputes.settings.newDepartment')}
          </Text>
        ) : null}
        <Group grow align="flex-start">
          <TextInput
            size="xs"
            label={t('disputes.settings.code')}
            value={code}
            disabled={department !== undefined || !canEdit}
            onChange={(event) => setCode(event.currentTarget.value)}
            data-testid="department-code"
          />
          <TextInput
            size="xs"
            label={t('disputes.settings.name')}
            value={name}
            disabled={!canEdit}
            onChange={(event) => setName(event.currentTarget.value)}
            data-testid="department-name"
          />
          <Checkbox
            mt={24}
            label={t('disputes.settings.active')}
            checked={isActive}
            disabled={!canEdit}
            onChange={(event) => setActive(event.currentTarget.checked)}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            size="xs"
            label={t('disputes.settings.assigneeName')}
            value={assigneeName}
            disabled={!canEdit}
            onChange={(event) => setAssigneeName(event.currentTarget.value)}
            data-testid="department-assignee-name"
          />
          <TextInput
            size="xs"
            type="email"
            label={t('disputes.settings.assigneeEmail')}
            value={assigneeEmail}
            disabled={!canEdit}
            onChange={(event) => setAssigneeEmail(event.currentTarget.value)}
            data-testid="department-assignee-email"
          />
          <TextInput
            size="xs"
            label={t('disputes.settings.managerName')}
            value={managerName}
            disabled={!canEdit}
            onChange={(event) => setManagerName(event.currentTarget.value)}
          />
          <TextInput
            size="xs"
            type="email"
            label={t('disputes.settings.managerEmail')}
            value={managerEmail}
            disabled={!canEdit}
            onChange={(event) => setManagerEmail(event.currentTarget.value)}
          />
        </Group>
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        {canEdit ? (
          <Group justify="flex-end">
            <Button
              size="xs"
              variant={department === undefined ? 'filled' : 'default'}
              loading={save.isPending}
              disabled={name.trim() === '' || (department === undefined && code.trim() === '')}
              onClick={submit}
              data-testid="department-save"
            >
              {department === undefined
                ? t('disputes.settings.addDepartment')
                : t('disputes.settings.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
