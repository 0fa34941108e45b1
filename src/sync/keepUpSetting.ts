import { type KeepUpSetting, putKeepUpSetting } from "../db/keepUp";

/**
 * Saves "Keep all send lists up to date" for an account (Settings). The worker's rounds read it;
 * the page then asks for a round at once, so turning it on does not wait for the schedule.
 */
export function saveKeepUpSetting(accountId: string, setting: KeepUpSetting): Promise<void> {
  return putKeepUpSetting(accountId, setting);
}
