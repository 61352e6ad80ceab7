import type { ParseKeys } from 'i18next';
import type { AuditAction } from '../../../../src/audit/schemas.ts';

/** The audit trail's actions, as people say them. Unknown actions show as recorded. */
const ACTION_LABELS = {
  'customer.created': 'customer.timeline.actions.customerCreated',
  'customer.updated': 'customer.timeline.actions.customerUpdated',
  'invoice.created': 'customer.timeline.actions.invoiceCreated',
  'invoice.updated': 'customer.timeline.actions.invoiceUpdated',
  'credit_note.created': 'customer.timeline.actions.creditNoteCreated',
  'credit_note.updated': 'customer.timeline.actions.creditNoteUpdated',
  'payment.recorded': 'customer.timeline.actions.paymentRecorded',
  'payment.voided': 'customer.timeline.actions.paymentVoided',
  'allocation.created': 'customer.timeline.actions.allocationCreated',
  'allocation.undone': 'customer.timeline.actions.allocationUndone',
  'import.completed': 'customer.timeline.actions.importCompleted',
  'bank_account.created': 'customer.timeline.actions.bankAccountCreated',
  'bank_line.matched': 'customer.timeline.actions.bankLineMatched',
  'bank_line.match_undone': 'customer.timeline.actions.bankLineMatchUndone',
  'bank_line.reversed': 'customer.timeline.actions.bankLineReversed',
  'bank_line.set_aside': 'customer.timeline.actions.bankLineSetAside',
  'bank_line.requeued': 'customer.timeline.actions.bankLineRequeued',
  'dunning_scenario.saved': 'customer.timeline.actions.dunningScenarioSaved',
  'dunning_scenario.deleted': 'customer.timeline.actions.dunningScenarioDeleted',
  'dunning_template.saved': 'customer.timeline.actions.dunningTemplateSaved',
  'dunning_policy.saved': 'customer.timeline.actions.dunningPolicySaved',
  'penalty_rate.saved': 'customer.timeline.actions.penaltyRateSaved',
  'customer_dunning.assigned': 'customer.timeline.actions.customerDunningAssigned',
  'dispute.raised': 'customer.timeline.actions.disputeRaised',
  'dispute.resolved': 'customer.timeline.actions.disputeResolved',
  'dispute.updated': 'customer.timeline.actions.disputeUpdated',
  'dispute.commented': 'customer.timeline.actions.disputeCommented',
  'dispute.attachment_added': 'customer.timeline.actions.disputeAttachmentAdded',
  'dispute.link_sent': 'customer.timeline.actions.disputeLinkSent',
  'dispute.reminded': 'customer.timeline.actions.disputeReminded',
  'dispute.escalated': 'customer.timeline.actions.disputeEscalated',
  'dispute_cause.saved': 'customer.timeline.actions.disputeCauseSaved',
  'department.saved': 'customer.timeline.actions.departmentSaved',
  'portal_link.created': 'customer.timeline.actions.portalLinkCreated',
  'portal_link.revoked': 'customer.timeline.actions.portalLinkRevoked',
  'invoice.approved': 'customer.timeline.actions.invoiceApproved',
  'invoice.document_uploaded': 'customer.timeline.actions.invoiceDocumentUploaded',
  'portal.document_downloaded': 'customer.timeline.actions.portalDocumentDownloaded',
  'company.bank_details_saved': 'customer.timeline.actions.companyBankDetailsSaved',
  'dunning.step_reached': 'customer.timeline.actions.dunningStepReached',
  'dunning_action.completed': 'customer.timeline.actions.dunningActionCompleted',
  'dunning_action.approved': 'customer.timeline.actions.dunningActionApproved',
  'dunning_action.dismissed': 'customer.timeline.actions.dunningActionDismissed',
  'dunning_action.snoozed': 'customer.timeline.actions.dunningActionSnoozed',
  'dunning_action.reassigned': 'customer.timeline.actions.dunningActionReassigned',
  'promise.created': 'customer.timeline.actions.promiseCreated',
  'promise.cancelled': 'customer.timeline.actions.promiseCancelled',
  'promise.kept': 'customer.timeline.actions.promiseKept',
  'promise.partly_kept': 'customer.timeline.actions.promisePartlyKept',
  'promise.broken': 'customer.timeline.actions.promiseBroken',
  'message.sent': 'customer.timeline.actions.messageSent',
  'message.failed': 'customer.timeline.actions.messageFailed',
  'message.bounced': 'customer.timeline.actions.messageBounced',
  'demo.loaded': 'customer.timeline.actions.demoLoaded',
  'user.created': 'customer.timeline.actions.userCreated',
  'user.signed_in': 'customer.timeline.actions.userSignedIn',
  'user.password_changed': 'customer.timeline.actions.userPasswordChanged',
  'user.language_changed': 'customer.timeline.actions.userLanguageChanged',
  'user.role_changed': 'customer.timeline.actions.userRoleChanged',
  'user.deactivated': 'customer.timeline.actions.userDeactivated',
  'user.reactivated': 'customer.timeline.actions.userReactivated',
  'api_token.created': 'customer.timeline.actions.apiTokenCreated',
  'api_token.revoked': 'customer.timeline.actions.apiTokenRevoked',
  'credit.limit_decided': 'customer.timeline.actions.creditLimitDecided',
  'credit.account_opened': 'customer.timeline.actions.creditAccountOpened',
  'credit.exception_granted': 'customer.timeline.actions.creditExceptionGranted',
  'credit.hold_placed': 'customer.timeline.actions.creditHoldPlaced',
  'credit.hold_released': 'customer.timeline.actions.creditHoldReleased',
  'credit.alert_raised': 'customer.timeline.actions.creditAlertRaised',
  'credit.order_validated': 'customer.timeline.actions.creditOrderValidated',
  'credit.order_held': 'customer.timeline.actions.creditOrderHeld',
  'credit.order_prepayment': 'customer.timeline.actions.creditOrderPrepayment',
  'credit.order_prepayment_received': 'customer.timeline.actions.creditOrderPrepaymentReceived',
  'credit.order_refused': 'customer.timeline.actions.creditOrderRefused',
  'credit.screened': 'customer.timeline.actions.creditScreened',
  'order.delivered': 'customer.timeline.actions.orderDelivered',
  'order.invoiced': 'customer.timeline.actions.orderInvoiced',
  'order.cancelled': 'customer.timeline.actions.orderCancelled',
  'document.attached': 'customer.timeline.actions.documentAttached',
} as const satisfies Record<AuditAction, ParseKeys>;

type KnownAction = AuditAction;

function isKnownAction(action: string): action is KnownAction {
  return Object.hasOwn(ACTION_LABELS, action);
}

export function actionLabelKey(action: string): ParseKeys | undefined {
  return isKnownAction(action) ? ACTION_LABELS[action] : undefined;
}

const ENTITY_COLORS: Readonly<Record<string, string>> = {
  customer: 'blue',
  invoice: 'gray',
  credit_note: 'cyan',
  payment: 'teal',
  allocation: 'violet',
};

export function actionColor(action: string): string {
  if (action.endsWith('.undone') || action.endsWith('.deleted')) {
    return 'orange';
  }
  return ENTITY_COLORS[action.split('.')[0] ?? ''] ?? 'gray';
}

/** The few facts worth a line under the label, when the event carries them. */
export type EventFacts = { reference?: string; amount?: number; currency?: string };

export function eventFacts(data: Readonly<Record<string, unknown>>): EventFacts {
  const facts: EventFacts = {};
  const reference = ['number', 'invoiceNumber', 'reference', 'paymentReference', 'code']
    .map((key) => data[key])
    .find((value): value is string => typeof value === 'string' && value !== '');
  if (reference !== undefined) {
    facts.reference = reference;
  }
  const amount = data['amount'];
  const currency = data['currency'];
  if (typeof amount === 'number' && Number.isSafeInteger(amount) && typeof currency === 'string') {
    facts.amount = amount;
    facts.currency = currency;
  }
  return facts;
}
