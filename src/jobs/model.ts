/**
 * The outbox's and the jobs' words and rules (ADR 21): what a message and a job are, what
 * becomes of one after an attempt, and when the next attempt is. Pure: the instant comes
 * in as an argument.
 */

/** How a message reaches its recipient. A `letter` is a PDF to print (docs/messages.md). */
export const MESSAGE_CHANNELS = ['email', 'sms', 'letter'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** The channels the worker delivers; a letter is delivered by being printed. */
export type DeliveredChannel = Exclude<MessageChannel, 'letter'>;

/**
 * - `queued`: waiting for its next attempt (`nextAttemptAt`), or for its print batch;
 * - `sending`: claimed by a worker, whose lease runs until `leaseUntil`;
 * - `sent`: accepted by the SMTP server or the SMS provider, or printed;
 * - `failed`: refused for good, or still refused after the last attempt (`lastError`);
 * - `bounced`: sent, then reported undeliverable by the receiving side.
 */
export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed', 'bounced'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** One attachment per message: a letter's PDF, or the PDF an e-mail carries. */
export type Attachment = { name: string; contentType: string; content: Uint8Array };

/** A message to queue, as its maker (a dunning step) words it. */
export type NewMessage = {
  channel: MessageChannel;
  /** E-mail addresses, phone numbers (E.164), or the lines of a postal address. */
  recipients: readonly string[];
  /** Required for an e-mail; an SMS and a letter have none. */
  subject: string | null;
  bodyText: string;
  bodyHtml?: string | null;
  attachment?: Attachment | null;
  /** The customer it is about: its timeline shows what became of it. */
  customerId: string | null;
  /** What made it (`dunning_action`, its id): its maker reads its fate back by it. */
  source: { type: string; id: string | null };
  /** Not before this instant (a step sent at the company's hour); now by default. */
  notBefore?: Date;
};

/**
 * Where a message or a job stands in its queue: its attempts, when the next is due, the
 * worker's lease on it while claimed, and the last refusal or failure.
 */
export type LeaseState = {
  /** Attempts begun so far, the one in progress included. */
  attempts: number;
  nextAttemptAt: Date;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  lastError: string | null;
};

/** A message as stored. */
export type OutboxMessage = LeaseState & {
  companyId: string;
  id: string;
  channel: MessageChannel;
  recipients: string[];
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  attachment: Attachment | null;
  customerId: string | null;
  source: { type: string; id: string | null };
  status: MessageStatus;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
};

/** A message a worker has claimed: it holds its lease, for this attempt. */
export type ClaimedMessage = OutboxMessage & {
  status: 'sending';
  leaseOwner: string;
  leaseUntil: Date;
};

/**
 * What a mailer or an SMS provider answered. `accepted`: the message is theirs now.
 * Otherwise `permanent` says that sending it again would get the same refusal (an SMTP
 * 5xx); without it the refusal is temporary (4xx, connection refused, timeout).
 */
export type DeliveryResult = { accepted: boolean; permanent?: boolean; reason?: string };

/**
 * What becomes of a message or a job after an attempt that failed: queued again for
 * `nextAttemptAt`, or failed for good.
 */
export type RetryDecision =
  | { status: 'queued'; nextAttemptAt: Date; reason: string }
  | { status: 'failed'; reason: string };

/** What is recorded after an attempt. */
export type DeliveryDecision = { status: 'sent'; note: string | null } | RetryDecision;

/**
 * The wait before each new attempt, after 1, 2, 3, 4 and 5 failed ones: 1 min, 5 min,
 * 30 min, 2 h, 12 h. A sixth temporary refusal fails the message (ADR 21): about 15 hours
 * of trying, across a night, before a collector is told.
 */
export const RETRY_DELAYS_SECONDS: readonly number[] = [60, 300, 1_800, 7_200, 43_200];

/** Attempts a message or a job gets in all: the first one and one per delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/**
 * When the next attempt is due after `attempts` failed ones ended at `now`, or undefined
 * when that was the last attempt.
 */
export function nextAttemptAt(attempts: number, now: Date): Date | undefined {
  const delay = RETRY_DELAYS_SECONDS[attempts - 1];
  return delay === undefined ? undefined : new Date(now.getTime() + delay * 1000);
}

/** The reason a refusal without one is recorded with. */
const NO_REASON = 'refused without a reason';

/** What becomes of a message after attempt number `attempts` answered `result` at `now`. */
export function decideDelivery(
  attempts: number,
  result: DeliveryResult,
  now: Date,
): DeliveryDecision {
  if (result.accepted) {
    return { status: 'sent', note: result.reason ?? null };
  }
  const reason = result.reason ?? NO_REASON;
  if (result.permanent === true) {
    return { status: 'failed', reason };
  }
  const next = nextAttemptAt(attempts, now);
  return next === undefined
    ? { status: 'failed', reason: `${reason} (after ${attempts} attempts)` }
    : { status: 'queued', nextAttemptAt: next, reason };
}

/** A message that breaks a rule of its channel, or undefined when it keeps them all. */
export function checkNewMessage(message: NewMessage): string | undefined {
  if (message.recipients.length === 0) {
    return 'a message needs a recipient';
  }
  switch (message.channel) {
    case 'email':
      return message.subject === null ? 'an e-mail needs a subject' : undefined;
    case 'sms':
      return message.attachment ? 'an SMS carries no attachment' : undefined;
    case 'letter':
      return message.attachment ? undefined : 'a letter is its PDF: it needs the attachment';
  }
}

/** The `Message-ID` of a message: the same for every attempt, so a resend is the same mail. */
export function messageIdHeader(messageId: string): string {
  return `<${messageId}@encaisse>`;
}

/**
 * - `queued`: waiting for `nextAttemptAt` (its run date at first);
 * - `running`: claimed by a worker until `leaseUntil`;
 * - `done`; `failed`: still failing after the last attempt.
 */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A job as stored: one run of `kind`, keyed by `runKey` (the run's date). */
export type Job = LeaseState & {
  companyId: string;
  id: string;
  kind: string;
  runKey: string;
  runAt: Date;
  payload: unknown;
  status: JobStatus;
  createdAt: Date;
  finishedAt: Date | null;
};

export type ClaimedJob = Job & { status: 'running'; leaseOwner: string; leaseUntil: Date };

/**
 * What becomes of a job after attempt number `attempts` failed. A failed job is run again after the messages' backoff, and fails for good after the last
 * attempt, or at once when `isPermanent` (a payload that will never parse).
 */
export function decideJobRetry(
  attempts: number,
  failure: { reason: string; isPermanent: boolean },
  now: Date,
): RetryDecision {
  const next = failure.isPermanent ? undefined : nextAttemptAt(attempts, now);
  return next === undefined
    ? { status: 'failed', reason: failure.reason }
    : { status: 'queued', nextAttemptAt: next, reason: failure.reason };
}
