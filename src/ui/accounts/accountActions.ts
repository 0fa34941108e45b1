// What the account row's buttons do, each returning the sentence that tells how it ended.
import { eraseAccount, signOut } from "../../auth/signOut";
import type { Account, Generation } from "../../db";
import { forgetAccountChoice } from "../primitives/createCurrentAccount";
import { startSignIn } from "./startSignIn";

/** Signs in to `generation`; nothing to say when the page navigated away to sign in. */
export async function signInMessage(account: Account, generation: Generation): Promise<string | undefined> {
  const result = await startSignIn(account, generation);
  return result ? `Signed in (${generation}).${result.notice ? ` ${result.notice}` : ""}` : undefined;
}

/** The revocations the server did not confirm, as a sentence to append ("" when none). */
function revokeSummary(failures: string[]): string {
  return failures.length === 0
    ? ""
    : ` The server did not confirm the revocation, so the tokens may stay valid there until they expire: ${failures.join(" ")}`;
}

export async function signOutMessage(account: Account): Promise<string> {
  return `Signed out on this device.${revokeSummary((await signOut(account.id)).revokeFailures)}`;
}

/** Erases the account from this device; the row is gone afterwards, so the caller shows this. */
export async function eraseMessage(account: Account): Promise<string> {
  const { id, label } = account;
  const { revokeFailures } = await eraseAccount(id, { onLocalDataErased: () => forgetAccountChoice(id) });
  return `“${label}” was signed out and erased from this device.${revokeSummary(revokeFailures)}`;
}
