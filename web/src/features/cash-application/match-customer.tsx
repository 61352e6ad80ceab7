import { Skeleton } from '@mantine/core';
import type { TBankLineMatch } from '../../../../src/bank/matching/schemas.ts';
import { useCustomer } from '../customers/customers-api.ts';
import { CustomerLabel } from './suggestion-summary.tsx';

/**
 * The customer an applied match paid: named by its suggestion when it was one of them,
 * else read from the customer's page (a person chose someone the matcher did not).
 */
export function MatchCustomer({ match }: { match: TBankLineMatch }) {
  const { customerId } = match;
  const suggested = match.suggestions.find((entry) => entry.customerId === customerId);
  if (customerId === null) {
    return null;
  }
  if (suggested !== undefined) {
    return (
      <CustomerLabel id={customerId} code={suggested.customerCode} name={suggested.customerName} />
    );
  }
  return <FetchedCustomer id={customerId} />;
}

function FetchedCustomer({ id }: { id: string }) {
  const customer = useCustomer(id);
  if (customer.data === undefined) {
    return <Skeleton height={18} width={160} />;
  }
  return <CustomerLabel id={id} code={customer.data.code} name={customer.data.legalName} />;
}
