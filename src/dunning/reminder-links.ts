/**
 * Each reminder's own link to the customer's portal (issue 10, docs/portal.md): an e-mail or
 * an SMS the run or an approval sends carries a private link (`{{ portal.url }}` in its
 * template) to the customer's account, valid 90 days, tied to its message. The token is
 * made when the message is worded, and the link is stored only for the messages that go out
 * (a step already taken that day, or a customer without an address, leaves no link behind),
 * with every other link of the slice in one statement.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { DEFAULT_PORTAL_LINK_DAYS, MAX_PORTAL_LINK_DAYS } from '../access/model.ts';
import { prepareAccessLinks, saveAccessLinks, type PreparedAccessLink } from '../access/service.ts';
import { accessLinkUrl } from '../access/urls.ts';
import type { Queryable } from '../db/client.ts';

export type ReminderLinks = {
  /** The portal URL to word into the message of action `actionId`, to `customerId`. */
  urlFor(actionId: string, customerId: string): string;
  /**
   * Stores the links of the messages that were queued, each tied to its message, in one
   * statement; the link's id of each action that had one.
   */
  save(
    tx: Queryable,
    sent: readonly { actionId: string; messageId: string }[],
  ): Promise<Map<string, string>>;
};

/** The links of one slice (or one approval) of `ctx`'s reminders, under `publicUrl`. */
export function reminderLinks(
  deps: Pick<Deps, 'ids'>,
  ctx: Ctx,
  options: { publicUrl: string; now: Date },
): ReminderLinks {
  const prepared = new Map<string, PreparedAccessLink>();
  return {
    urlFor(actionId, customerId) {
      const [made] = prepareAccessLinks(deps, ctx, [
        {
          audience: 'customer',
          customerId,
          days: DEFAULT_PORTAL_LINK_DAYS,
          maxDays: MAX_PORTAL_LINK_DAYS,
          now: options.now,
        },
      ]);
      if (made === undefined) {
        throw new Error('prepareAccessLinks made no link');
      }
      prepared.set(actionId, made);
      return accessLinkUrl(options.publicUrl, 'customer', made.token);
    },
    async save(tx, sent) {
      const links = sent.flatMap(({ actionId, messageId }) => {
        const made = prepared.get(actionId);
        return made === undefined
          ? []
          : [{ actionId, made: { ...made, link: { ...made.link, messageId } } }];
      });
      await saveAccessLinks(
        tx,
        links.map(({ made }) => made),
      );
      return new Map(links.map(({ actionId, made }) => [actionId, made.link.id]));
    },
  };
}
