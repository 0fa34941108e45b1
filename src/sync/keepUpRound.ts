import { isAbort } from "../core/errors";
import { keepUpLockName, withLock } from "../core/locks";
import { getAccount } from "../db/accounts";
import { campaignsDatasetId } from "../db/datasets";
import {
  getKeepUpSetting,
  getKeepUpStatus,
  type KeepUpStatus,
  type KeepUpStop,
  putKeepUpStatus,
} from "../db/keepUp";
import { getSyncState } from "../db/syncState";
import type { Account, Generation } from "../db/types";
import { refreshCampaigns } from "./campaigns";
import { resolveDeps, type SyncDeps } from "./context";
import { allowanceToday, planKeepUp } from "./keepUpPlan";
import { guardedDeps } from "./keepUpShareGuard";
import { classifyFailure, offlineStop, ShareUsedAbort, shareUsedStop } from "./keepUpStops";
import { ListRemovedError } from "./listRemoval";
import { syncSends } from "./sends";

/** A round of "Keep all send lists up to date" runs at most this often unless asked (Check now, back online). */
export const KEEP_UP_EVERY_MS = 15 * 60_000;

export interface KeepUpRoundOptions {
  deps?: Partial<SyncDeps>;
  /** The browser's connection: offline, the round records so and sends nothing. */
  online: boolean;
  /** Run even if a round ran less than KEEP_UP_EVERY_MS ago. */
  force?: boolean;
  signal?: AbortSignal;
}

/**
 * One round of "Keep all send lists up to date" for an account: refreshes its campaign list, then
 * syncs the planned send lists one by one through syncSends (the engine the Sync button uses),
 * until the plan is done or a stop: offline, a key's day spent (the server's quota_exceeded, or the
 * share the user set), or a sign-in required. Its progress and why it stopped are written to the
 * account's status row after each step, which Settings reads live. Returns that status, or
 * undefined when the setting is off or a round ran recently.
 */
export async function keepUpAccount(
  accountId: string,
  options: KeepUpRoundOptions,
): Promise<KeepUpStatus | undefined> {
  const deps = resolveDeps(options.deps);
  return withLock(deps.locks, keepUpLockName(accountId), async () => {
    const setting = await getKeepUpSetting(accountId);
    const account = await getAccount(accountId);
    if (!setting.enabled || !account) return undefined;
    const now = () => deps.clock.now();
    const last = await getKeepUpStatus(accountId);
    if (!options.force && last && now() - last.startedAt < KEEP_UP_EVERY_MS) return undefined;
    const status: KeepUpStatus = {
      state: "running",
      startedAt: now(),
      planned: 0,
      done: 0,
      failed: 0,
      requests: 0,
    };
    if (!options.online)
      return record(accountId, { ...status, state: "stopped", finishedAt: now(), stop: offlineStop(now()) });
    await putKeepUpStatus(accountId, status);
    const run = new RoundRun(account, setting.share, deps, status, options.signal);
    await run.go();
    return record(accountId, {
      ...status,
      state: status.stop ? "stopped" : "finished",
      current: undefined,
      finishedAt: now(),
    });
  });
}

async function record(accountId: string, status: KeepUpStatus): Promise<KeepUpStatus> {
  await putKeepUpStatus(accountId, status);
  return status;
}

/** The state of one round: its counts (written to `status` as they change) and the stopped generations. */
class RoundRun {
  private readonly blocked = new Map<Generation, KeepUpStop>();
  constructor(
    private readonly account: Account,
    private readonly share: number,
    private readonly deps: SyncDeps,
    private readonly status: KeepUpStatus,
    private readonly signal?: AbortSignal,
  ) {}

  private now = () => this.deps.clock.now();

  /** The generation whose part of the campaign list's refresh failed (its key spent, say). */
  private async failedRefresh(): Promise<Generation | undefined> {
    const generations = (await getSyncState(campaignsDatasetId(this.account.id)))?.generations ?? {};
    return this.account.generations.find((g) => generations[g]?.outcome === "failed");
  }

  async go(): Promise<void> {
    const allowance = await allowanceToday(this.account, { now: this.now(), share: this.share });
    if (this.account.generations.every((g) => (allowance[g] ?? 0) <= 0)) {
      this.status.stop = shareUsedStop(this.share, this.now());
      return;
    }
    const refreshed = await this.attempt(undefined, (deps, signal) =>
      refreshCampaigns(this.account.id, { deps, signal }),
    );
    if (refreshed === "stop") return;
    const plan = await planKeepUp(this.account.id, { now: this.now(), share: this.share });
    this.status.planned = plan.lists.length;
    await putKeepUpStatus(this.account.id, this.status);
    for (const list of plan.lists) {
      if (this.blocked.has(list.generation)) continue;
      this.status.current = list.dataset;
      await putKeepUpStatus(this.account.id, this.status);
      const outcome = await this.attempt(list.generation, (deps, signal) =>
        syncSends(list.dataset, { deps, signal }),
      );
      if (outcome === "done") this.status.done += 1;
      await putKeepUpStatus(this.account.id, this.status);
      if (outcome === "stop") return;
    }
    // The first generation that stopped says why the round did not do its whole plan.
    this.status.stop ??= [...this.blocked.values()][0];
    // Lists left for tomorrow are a stop too, even if every planned one was done.
    if (plan.later > 0) this.status.stop ??= shareUsedStop(this.share, this.now());
  }

  /** Runs one step with the share guard; "stop" ends the round, "skip" means this step did not finish. */
  private async attempt(
    generation: Generation | undefined,
    step: (deps: Partial<SyncDeps>, signal: AbortSignal) => Promise<void>,
  ): Promise<"done" | "skip" | "stop"> {
    const guarded = guardedDeps(
      this.account,
      generation,
      this.share,
      this.deps,
      () => {
        this.status.requests += 1;
      },
      this.signal,
    );
    try {
      await step(guarded.deps, guarded.signal);
      return "done";
    } catch (error) {
      if (error instanceof ListRemovedError) return "skip";
      if (error instanceof ShareUsedAbort) {
        this.blocked.set(error.generation, shareUsedStop(this.share, this.now(), error.generation));
        return "skip";
      }
      if (isAbort(error)) throw error;
      const { scope, stop } = classifyFailure(error, this.now(), generation);
      const stopped =
        scope === "generation" ? (stop.generation ?? generation ?? (await this.failedRefresh())) : undefined;
      if (scope === "all" || (scope === "generation" && !stopped)) {
        this.status.stop = stop;
        return "stop";
      }
      if (stopped) {
        this.blocked.set(stopped, { ...stop, generation: stopped });
        return "skip";
      }
      this.status.failed += 1;
      this.status.lastError = stop;
      return "skip";
    }
  }
}
