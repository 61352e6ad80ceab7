import type { MantineColor } from '@mantine/core';
import {
  PAYMENT_METHODS,
  type TCustomerDetail,
  type TCustomerSummary,
} from '../../../../src/customers/schemas.ts';

export type CustomerStatus = TCustomerSummary['status'];
export type RiskCategory = TCustomerSummary['riskCategory'];
export type PaymentMethod = TCustomerDetail['paymentMethod'];
export type ContactRole = TCustomerDetail['contacts'][number]['role'];

/** Typed as a full record so a status added to the schema fails the typecheck here. */
export const CUSTOMER_STATUS_COLORS: Readonly<Record<CustomerStatus, MantineColor>> = {
  prospect: 'blue',
  active: 'teal',
  on_hold: 'orange',
  in_litigation: 'red',
  closed: 'gray',
};

export const RISK_COLORS: Readonly<Record<RiskCategory, MantineColor>> = {
  low: 'teal',
  standard: 'gray',
  high: 'orange',
  critical: 'red',
};

export const CONTACT_ROLE_ORDER: Readonly<Record<ContactRole, number>> = {
  accounts_payable: 0,
  billing: 1,
  management: 2,
  purchasing: 3,
  other: 4,
};

/** Payments carry their method as free text; the known ones get a label. */
export function isPaymentMethod(value: string): value is PaymentMethod {
  return PAYMENT_METHODS.some((method) => method === value);
}
