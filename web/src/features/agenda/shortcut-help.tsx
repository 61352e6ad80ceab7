import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SHORTCUT_HELP } from './agenda-keys.ts';

type ShortcutHelpProps = { opened: boolean; onClose: () => void };

/** The agenda's keys, shown by « ? » (the key or the button). */
export function ShortcutHelp({ opened, onClose }: ShortcutHelpProps) {
  const { t } = useTranslation();
  const keyName = (key: string) =>
    key === 'Enter' || key === 'Escape' || key === 'Ctrl' ? t(`agenda.help.keyNames.${key}`) : key;
  return (
    <Modal opened={opened} onClose={onClose} title={t('agenda.help.title')} size="md">
      <Table verticalSpacing={6} data-testid="agenda-shortcuts">
        <Table.Tbody>
          {SHORTCUT_HELP.map((line) => (
            <Table.Tr key={line.words}>
              <Table.Td w={140}>
                <Group gap={4} wrap="nowrap">
                  {line.keys.map((key, index) => (
                    <Group key={key} gap={4} wrap="nowrap">
                      {index > 0 ? (
                        <Text span size="xs" c="dimmed">
                          {line.words === 'save' ? '+' : '/'}
                        </Text>
                      ) : null}
                      <Kbd size="xs">{keyName(key)}</Kbd>
                    </Group>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`agenda.help.${line.words}`)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
