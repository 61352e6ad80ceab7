import { Alert, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../ui/page-title.tsx';
import { pickOne } from '../../ui/use-list-params.ts';
import { useCurrentSession } from '../auth/session.ts';
import { canConfigureDunning, canManageSending } from './dunning-permissions.ts';
import { ScenariosTab } from './scenarios-tab.tsx';
import { SettingsTab } from './settings-tab.tsx';
import { TemplatesTab } from './templates-tab.tsx';

const TABS = ['scenarios', 'templates', 'settings'] as const;

/**
 * « Relances »: the company's scenarios, its message templates with their live preview,
 * the policy and (for admins) how e-mails and SMS leave. Every role reads them; only
 * `dunning:configure` changes them. The tab lives in the URL.
 */
export function DunningPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const canEdit = canConfigureDunning(session.user.role);
  const [search, setSearch] = useSearchParams();
  const tab = pickOne(search.get('tab'), TABS) ?? 'scenarios';
  return (
    <Stack gap={0} data-testid="dunning-page">
      <PageTitle title={t('dunning.title')} />
      {canEdit ? null : (
        <Alert variant="light" color="gray" mb="md" data-testid="dunning-read-only">
          {t('dunning.readOnly')}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => {
          const next = pickOne(value, TABS);
          if (next !== undefined) {
            setSearch(next === 'scenarios' ? {} : { tab: next }, { replace: true });
          }
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md" aria-label={t('dunning.tabs.label')}>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name} data-testid={`dunning-tab-${name}`}>
              {t(`dunning.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="scenarios">
          <ScenariosTab canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="templates">
          <TemplatesTab canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <SettingsTab canEdit={canEdit} canManageSending={canManageSending(session.user.role)} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
