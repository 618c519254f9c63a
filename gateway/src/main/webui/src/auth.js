// Sign-in with the authorization code flow and PKCE (oidc-client-ts) on the public client careline-admin.
// Tokens live in memory only: nothing a script injected later could read from storage, and a reload simply
// signs in again (Keycloak's own session cookie makes that a redirect and back). Access tokens are renewed with
// the refresh token before they expire; signing out ends the Keycloak session through its end-session endpoint.
import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';

const CALLBACK = 'callback';
// Only a mark that this tab has signed in (no token): after a reload the console signs in again by itself.
const SIGNED_IN_MARK = 'careline.console.signed-in';

export class Auth extends EventTarget {
  #manager;
  #user = null;

  /** @param config what /admin/config.json says: { authority, clientId } */
  constructor(config, base) {
    super();
    this.base = base;
    this.#manager = new UserManager({
      authority: config.authority,
      client_id: config.clientId,
      redirect_uri: base + CALLBACK,
      post_logout_redirect_uri: base,
      response_type: 'code',
      scope: 'openid',
      userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
      // with a refresh token at hand, oidc-client-ts renews at the token endpoint (no hidden iframe)
      automaticSilentRenew: true,
      monitorSession: false,
      loadUserInfo: false,
    });
    this.#manager.events.addUserLoaded(user => this.#changed(user));
    this.#manager.events.addUserUnloaded(() => this.#changed(null));
    this.#manager.events.addSilentRenewError(() => this.#changed(null));
  }

  /** Finishes a sign-in when the browser comes back from Keycloak; returns the path to show next. */
  async start() {
    const here = new URL(location.href);
    if (here.pathname !== new URL(this.base).pathname + CALLBACK) return here.pathname + here.search;
    if (here.searchParams.has('error')) {
      sessionStorage.removeItem(SIGNED_IN_MARK);
      throw new Error(here.searchParams.get('error_description') ?? here.searchParams.get('error'));
    }
    const user = await this.#manager.signinRedirectCallback();
    return user.state?.returnTo ?? new URL(this.base).pathname;
  }

  /** Whether this tab was signed in before a reload: then signing in again needs no click. */
  get wasSignedIn() {
    return sessionStorage.getItem(SIGNED_IN_MARK) !== null;
  }

  signIn(returnTo, uiLocale) {
    sessionStorage.setItem(SIGNED_IN_MARK, '1');
    return this.#manager.signinRedirect({ state: { returnTo }, ui_locales: uiLocale });
  }

  signOut() {
    sessionStorage.removeItem(SIGNED_IN_MARK);
    return this.#manager.signoutRedirect();
  }

  /** Renews the access token now (after the API turned it down); false when the session is gone. */
  async renew() {
    try {
      return Boolean(await this.#manager.signinSilent());
    } catch {
      await this.#manager.removeUser();
      return false;
    }
  }

  get accessToken() {
    return this.#user?.access_token ?? null;
  }

  /** Who is signed in, read from the access token: what the API itself will go by. */
  get identity() {
    if (!this.#user) return null;
    const claims = decodePayload(this.#user.access_token);
    return {
      username: claims.preferred_username,
      name: claims.name ?? claims.preferred_username,
      email: claims.email,
      roles: claims.realm_access?.roles ?? [],
      client: claims.azp,
      team: claims.team ?? null,
      expiresAt: new Date(claims.exp * 1000).toISOString(),
    };
  }

  #changed(user) {
    this.#user = user;
    this.dispatchEvent(new Event('change'));
  }
}

function decodePayload(jwt) {
  const base64 = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}
