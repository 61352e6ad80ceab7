import { Stack } from '@mantine/core';
import { CreditPolicySettings } from '../credit/credit-policy-settings.tsx';
import { MailSettings } from '../settings/mail-settings.tsx';
import { SmsSettings } from '../settings/sms-settings.tsx';
import { PenaltyRateSettings } from './penalty-rates.tsx';
import { PolicySettings } from './policy-form.tsx';

type SettingsTabProps = { canEdit: boolean; canManageSending: boolean };

/** The policy, for every role to read; the company's e-mail and SMS sending, for admins only. */
export function SettingsTab({ canEdit, canManageSending }: SettingsTabProps) {
  return (
    <Stack gap="md">
      <PolicySettings canEdit={canEdit} />
      <PenaltyRateSettings canEdit={canEdit} />
      <CreditPolicySettings />
      {canManageSending ? (
        <>
          <MailSettings />
          <SmsSettings />
        </>
      ) : null}
    </Stack>
  );
}
