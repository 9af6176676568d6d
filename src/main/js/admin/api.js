// The page's link to the server: KontaktApi (assets/api.js, shared with /inbox) and KontaktSignIn
// (assets/signin.js), both loaded before this bundle, and `call`, which sends a lost login back to the form.

/* global KontaktApi, KontaktSignIn -- top-level consts of those classic scripts: global bindings, not window properties */
export const api = KontaktApi;
export const signIn = KontaktSignIn;

let sessionLost = () => {};

/** Tells what to do when the server says the login is gone (401): the login form, with this text. */
export function onSessionLost(handler) {
  sessionLost = handler;
}

/** Runs an API call; a lost login goes back to the login form instead of failing silently. */
export async function call(promise) {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof api.ApiError && e.status === 401) sessionLost("Innloggingen er utløpt. Logg inn igjen.");
    throw e;
  }
}
