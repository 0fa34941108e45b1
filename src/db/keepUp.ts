import { writeForAccount } from "./accounts";
import { db } from "./db";

/**
 * "Keep all send lists up to date", one account's setting: whether the service worker's rounds
 * sync the account's new and grown send lists, and the share of the day's requests (of each
 * application key) they may use. Stored in `settings` under one key per account: two fields need
 * no table of their own, nor a schema version.
 */
export interface KeepUpSetting {
  enabled: boolean;
  /** 0.1–1: the rounds stop once a key's requests today reach share × the daily limit. */
  share: number;
}

export const DEFAULT_KEEP_UP: KeepUpSetting = { enabled: false, share: 0.5 };
export const KEEP_UP_SHARES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] as const;

/** Why a round ended before its plan did: an error kind of src/core/errors.ts, or the share spent. */
export interface KeepUpStop {
  kind: string;
  message: string;
  at: number;
  generation?: "v2" | "v3";
}

/** What the last (or running) round of an account did, for Settings. */
export interface KeepUpStatus {
  state: "running" | "finished" | "stopped";
  startedAt: number;
  finishedAt?: number;
  /** Send lists the round planned to fetch, and how many of them it brought up to date. */
  planned: number;
  done: number;
  /** Send lists that failed for a reason of their own (the round went on with the others). */
  failed: number;
  /** Requests the round sent (the campaign list's included). */
  requests: number;
  /** The send list being synced now. */
  current?: string;
  stop?: KeepUpStop;
  /** The last send list's own failure, when `failed` > 0. */
  lastError?: KeepUpStop;
}

export const keepUpSettingKey = (accountId: string) => `keep-up-to-date:${accountId}`;
export const keepUpStatusKey = (accountId: string) => `keep-up-status:${accountId}`;

/** The stored setting, or the default (off, half) where none or a malformed one is stored. */
export async function getKeepUpSetting(accountId: string): Promise<KeepUpSetting> {
  return asKeepUpSetting((await db().settings.get(keepUpSettingKey(accountId)))?.value);
}

export function putKeepUpSetting(accountId: string, setting: KeepUpSetting): Promise<void> {
  const value = asKeepUpSetting(setting);
  return writeForAccount(accountId, [db().settings], async () => {
    await db().settings.put({ key: keepUpSettingKey(accountId), value, accountId });
  });
}

export async function getKeepUpStatus(accountId: string): Promise<KeepUpStatus | undefined> {
  const value = (await db().settings.get(keepUpStatusKey(accountId)))?.value;
  return isKeepUpStatus(value) ? value : undefined;
}

export function putKeepUpStatus(accountId: string, status: KeepUpStatus): Promise<void> {
  return writeForAccount(accountId, [db().settings], async () => {
    await db().settings.put({ key: keepUpStatusKey(accountId), value: status, accountId });
  });
}

/** A share rounded to the tenths Settings offers, within 10–100 %. */
export function clampShare(share: unknown): number {
  if (typeof share !== "number" || !Number.isFinite(share)) return DEFAULT_KEEP_UP.share;
  return Math.min(1, Math.max(0.1, Math.round(share * 10) / 10));
}

function asKeepUpSetting(value: unknown): KeepUpSetting {
  const stored = (typeof value === "object" && value !== null ? value : {}) as Partial<KeepUpSetting>;
  return { enabled: stored.enabled === true, share: clampShare(stored.share ?? DEFAULT_KEEP_UP.share) };
}

function isKeepUpStatus(value: unknown): value is KeepUpStatus {
  const status = value as Partial<KeepUpStatus> | null | undefined;
  return typeof status === "object" && status !== null && typeof status.startedAt === "number";
}
