/**
 * Audit events as a timeline shows them (a customer's, an invoice's), each actor
 * named: a user by the display name the caller looked up, the CLI by its operator.
 * Pure: the names come from the users' capability, which sits above the trail.
 */
import type { TTimelineEvent } from './schemas.ts';
import type { StoredEvent } from './store.ts';

/** The users whose names a timeline of `events` shows. */
export function timelineUserIds(events: readonly StoredEvent[]): string[] {
  return events.flatMap((event) =>
    event.actorType === 'user' && event.actorId !== null ? [event.actorId] : [],
  );
}

function actorName(event: StoredEvent, userNames: ReadonlyMap<string, string>): string | null {
  if (event.actorType === 'user' && event.actorId) {
    return userNames.get(event.actorId) ?? null;
  }
  if (event.actorType === 'cli') {
    return event.actorId === null ? 'CLI' : `${event.actorId} (CLI)`;
  }
  return null;
}

export function toTimelineEvents(
  events: readonly StoredEvent[],
  userNames: ReadonlyMap<string, string>,
): TTimelineEvent[] {
  return events.map((event) => ({
    seq: event.seq,
    occurredAt: event.occurredAt.toISOString(),
    actor: { type: event.actorType, id: event.actorId, name: actorName(event, userNames) },
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    data: event.data,
  }));
}
