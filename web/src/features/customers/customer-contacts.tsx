import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TContact } from '../../../../src/customers/schemas.ts';
import { CONTACT_ROLE_ORDER } from './customer-labels.ts';

/** The contacts by role, accounts payable first: the people a collector calls. */
export function CustomerContacts({ contacts }: { contacts: readonly TContact[] }) {
  const { t } = useTranslation();
  if (contacts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('customer.identity.noContacts')}
      </Text>
    );
  }
  const sorted = [...contacts].sort(
    (a, b) => CONTACT_ROLE_ORDER[a.role] - CONTACT_ROLE_ORDER[b.role],
  );
  return (
    <Stack gap="sm" data-testid="customer-contacts">
      {sorted.map((contact) => (
        <div key={contact.id} data-testid="customer-contact">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.3}>
            {t(`contactRole.${contact.role}`)}
          </Text>
          <Text size="sm" fw={500}>
            {contact.name ?? t('customer.identity.unnamedContact')}
          </Text>
          {contact.email === null ? null : (
            <Anchor href={`mailto:${contact.email}`} size="sm" display="block">
              {contact.email}
            </Anchor>
          )}
          {contact.phone === null ? null : (
            <Anchor href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`} size="sm" display="block">
              {contact.phone}
            </Anchor>
          )}
        </div>
      ))}
    </Stack>
  );
}
