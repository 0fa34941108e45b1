import { db } from "../db/db";
import type { Account } from "../db/types";
import type { SyncDeps } from "./context";
import { keepUpAccount } from "./keepUpRound";

/**
 * The service worker's rounds of "Keep all send lists up to date", over every account that has it
 * on. They run beside the poll rounds, not inside them: a first sync of a large list can take
 * minutes, and a job's end must still be noticed within seconds. A call while a round runs joins it.
 *
 * @example
 * const keepUp = makeKeepUpRounds();
 * await keepUp.round(navigator.onLine); // on a scheduled wake-up
 * await keepUp.round(navigator.onLine, true); // Check now, the connection back, the setting just turned on
 */
export function makeKeepUpRounds(
  deps?: Partial<SyncDeps>,
  reachable: (account: Account) => Promise<boolean> = async () => true,
) {
  let running: Promise<void> | undefined;
  const everyAccount = async (online: boolean, force: boolean) => {
    for (const account of await db().accounts.toArray()) {
      if (!(await reachable(account))) continue;
      try {
        await keepUpAccount(account.id, { deps, online, force });
      } catch (error) {
        // Its failure is in its status row when it got that far; the other accounts go on.
        console.error(`Mailroom: keeping the send lists of ${account.id} up to date failed`, error);
      }
    }
  };
  return {
    round(online: boolean, force = false): Promise<void> {
      running ??= everyAccount(online, force).finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
