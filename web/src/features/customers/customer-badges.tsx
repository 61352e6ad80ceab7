import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMER_STATUS_COLORS,
  RISK_COLORS,
  type CustomerStatus,
  type RiskCategory,
} from './customer-labels.ts';

export function CustomerStatusBadge({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={CUSTOMER_STATUS_COLORS[status]} variant="light" data-testid="customer-status">
      {t(`customerStatus.${status}`)}
    </Badge>
  );
}

export function RiskBadge({ risk }: { risk: RiskCategory }) {
  const { t } = useTranslation();
  return (
    <Badge color={RISK_COLORS[risk]} variant="outline" data-testid="customer-risk">
      {t(`riskCategory.${risk}`)}
    </Badge>
  );
}
