// What sync needs of sign-in reaches it through api/ (STYLE's layers: sync → api → auth): the
// default auth provider of every client (the account's stored tokens, refreshed once across tabs
// and the worker), its type, and the error that says the user must sign in again.
export { authProviderFor as defaultAuthProvider } from "../auth/provider";
export { type AuthProvider, AuthRequiredError } from "../auth/types";
