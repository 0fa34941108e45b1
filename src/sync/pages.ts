import type { Page } from "../api/page";
import { MailroomError } from "../core/errors";

/**
 * Every item of a short paged list (activities, campaigns), following next links verbatim. A next
 * link already requested means the server is looping: stop with bad_response rather than spin.
 */
export async function collectPages<T>(
  fetchPage: (link: string | undefined) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  const requested = new Set<string>();
  let link: string | undefined;
  for (;;) {
    const page = await fetchPage(link);
    items.push(...page.items);
    if (page.next === undefined) return items;
    if (requested.has(page.next)) {
      throw new MailroomError(
        "bad_response",
        `Constant Contact's next link does not advance (${page.next}); stopped to avoid a loop.`,
      );
    }
    requested.add(page.next);
    link = page.next;
  }
}
