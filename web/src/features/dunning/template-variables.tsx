import { Accordion, Code, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The variables a template may name (docs/dunning.md « Templates »), in the help's order. */
const VARIABLES = [
  'company',
  'customer',
  'contact',
  'invoices',
  'totals',
  'penalties',
  'collector',
  'today',
] as const;

/** What a template may say, as help beside the editor; a loop over the invoices as example. */
export function TemplateVariables() {
  const { t } = useTranslation();
  return (
    <Accordion variant="contained" data-testid="template-variables">
      <Accordion.Item value="variables">
        <Accordion.Control>{t('dunning.templates.variables')}</Accordion.Control>
        <Accordion.Panel>
          <Text size="xs" c="dimmed" mb="xs">
            {t('dunning.templates.variablesHint')}
          </Text>
          <List size="sm" spacing={4}>
            {VARIABLES.map((name) => (
              <List.Item key={name}>
                <Code>{name}</Code> — {t(`dunning.templates.variable.${name}`)}
              </List.Item>
            ))}
          </List>
          <Code block mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {
              '{% for invoice in invoices %}- {{ invoice.number }} : {{ invoice.open_amount }}\n{% endfor %}'
            }
          </Code>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
