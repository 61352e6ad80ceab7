import { Paper, SimpleGrid } from '@mantine/core';
import type { ComponentPropsWithRef, ReactNode } from 'react';
import type { TBankLine } from '../../../../src/bank/matching/schemas.ts';
import { BankLineFacts } from './bank-line-facts.tsx';

type LineCardProps = Pick<
  ComponentPropsWithRef<'div'>,
  'ref' | 'tabIndex' | 'aria-current' | 'className' | 'onClick' | 'onFocus'
> & {
  line: TBankLine;
  /** Set on the queue's selected card. */
  'data-selected'?: boolean;
  /** What stands beside the bank's facts: the match, and what may be done with it. */
  children: ReactNode;
};

/** One bank line of a list: what the bank says of it, then `children`. */
export function LineCard({ line, children, ...card }: LineCardProps) {
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      role="listitem"
      data-testid="bank-line-card"
      data-line-id={line.id}
      {...card}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <BankLineFacts line={line} />
        {children}
      </SimpleGrid>
    </Paper>
  );
}
