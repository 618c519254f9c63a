import { html, css, nothing } from 'lit';
import { LocalizedElement, shared } from './localized.js';
import { LANGUAGES, language, setLanguage, t, timeZone } from './i18n.js';
import { Auth } from './auth.js';
import { Api } from './api.js';
import { allowed, screens } from './screens.js';
import './screens/care-beneficiaries.js';
import './screens/care-groups.js';
import './screens/care-people.js';
import './screens/care-statistics.js';
import './screens/complaint-draw.js';
import './screens/complaint-incidents.js';
import './screens/complaint-new.js';
import './screens/complaint-page.js';
import './screens/complaint-queue.js';
import './screens/complaint-sla.js';
import './screens/complaint-sla-report.js';
import './screens/customer-page.js';
import './screens/customer-search.js';
import './screens/parked-events.js';
import './screens/who-am-i.js';

const BASE_PATH = import.meta.env.BASE_URL; // '/admin/'

/** The console's shell: sign-in, then a header, the role-aware navigation and the current screen. */
export class CarelineConsole extends LocalizedElement {
  static properties = {
    ready: { state: true },
    failure: { state: true },
    path: { state: true },
  };

  static styles = [shared, css`
    .skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: 0.5rem; }
    .skip:focus { left: 0.5rem; }
    header { display: flex; flex-wrap: wrap; gap: 0.8rem 1.4rem; align-items: center; padding: 0.7rem 1.2rem;
             background: #102a43; color: #fff; }
    header .brand { font-weight: 700; font-size: 1.1rem; margin-right: auto; }
    header .meta { font-size: 0.85rem; color: #d9e2ec; }
    header button { background: transparent; color: #fff; border-color: #9fb3c8; }
    label { font-size: 0.85rem; }
    select { margin-left: 0.3rem; padding: 0.2rem; }
    .layout { display: grid; grid-template-columns: 13rem 1fr; min-height: calc(100vh - 3.5rem); }
    nav.main { background: var(--tint); border-right: 1px solid var(--line); padding: 1rem; }
    nav.main h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted);
                  margin: 1rem 0 0.3rem; }
    nav.main ul { list-style: none; margin: 0; padding: 0; }
    nav.main a { display: block; padding: 0.35rem 0.5rem; border-radius: 6px; color: var(--ink); text-decoration: none; }
    nav.main a[aria-current='page'] { background: #dbe9f7; font-weight: 600; }
    main { padding: 1.2rem 1.6rem; min-width: 0; }
    .signin { max-width: 32rem; margin: 12vh auto; padding: 2rem; border: 1px solid var(--line); border-radius: 10px; }
    .signin .row { display: flex; justify-content: space-between; align-items: center; margin-top: 1.4rem; }
  `];

  constructor() {
    super();
    this.ready = false;
    this.path = location.pathname;
    window.addEventListener('popstate', () => { this.path = location.pathname; });
    // a screen's own links (a complaint in the queue) ask the shell to move
    this.addEventListener('console-navigate', event => {
      this.#go(event.detail);
      this.#focusHeading();
    });
  }

  connectedCallback() {
    super.connectedCallback();
    this.#boot();
  }

  async #boot() {
    let config;
    try {
      const response = await fetch(`${BASE_PATH}config.json`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      config = await response.json();
    } catch (e) {
      this.failure = { key: 'app.config-failed', params: { message: e.message } };
      return;
    }
    this.auth = new Auth(config, new URL(BASE_PATH, location.origin).href);
    this.api = new Api(this.auth);
    this.screens = screens(config);
    this.auth.addEventListener('change', () => {
      if (!this.auth.accessToken && this.signedInBefore) this.failure = { key: 'signin.ended' };
      this.signedInBefore ||= Boolean(this.auth.accessToken);
      this.requestUpdate();
    });
    try {
      const path = await this.auth.start();
      if (!this.auth.accessToken && this.auth.wasSignedIn) {
        // a reload lost the in-memory tokens; Keycloak's session brings the staff member straight back here
        await this.auth.signIn(path, language());
        return;
      }
      this.#go(path, true);
    } catch (e) {
      this.failure = { key: 'signin.failed', params: { message: e.message } };
      this.#go(BASE_PATH, true);
    }
    this.ready = true;
  }

  #go(path, replace = false) {
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    this.path = path;
  }

  navigate(event) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.#go(new URL(event.currentTarget.href).pathname);
    this.#focusHeading();
  }

  /** An in-page link cannot reach into the shadow DOM: move the focus by hand. */
  skipToContent(event) {
    event.preventDefault();
    this.#focusHeading();
  }

  /** After a navigation, keyboard and screen-reader users land on the new screen's heading. */
  async #focusHeading() {
    await this.updateComplete;
    const screen = this.renderRoot.querySelector('main > *');
    await screen?.updateComplete;
    (screen?.renderRoot ?? this.renderRoot).querySelector('h1')?.focus();
  }

  render() {
    if (this.failure && !this.ready) return html`<div class="signin" role="alert">${this.#failure()}</div>`;
    if (!this.ready) return html`<p aria-busy="true">${t('app.loading')}</p>`;
    return this.auth.accessToken ? this.#shell() : this.#signIn();
  }

  /** Kept as a key, so that it follows a change of language. */
  #failure() {
    return t(this.failure.key, this.failure.params);
  }

  #languageSwitch() {
    return html`<label>${t('lang.label')}
      <select @change=${e => setLanguage(e.target.value)}>
        ${LANGUAGES.map(l => html`<option value=${l.code} lang=${l.code} ?selected=${l.code === language()}>${l.name}</option>`)}
      </select></label>`;
  }

  #signIn() {
    return html`<main class="signin">
      <h1>${t('signin.title')}</h1>
      <p class="lead">${t('signin.lead')}</p>
      ${this.failure ? html`<p role="alert">${this.#failure()}</p>` : nothing}
      <div class="row">
        <button class="primary" @click=${() => this.auth.signIn(this.#returnTo(), language())}>${t('signin.button')}</button>
        ${this.#languageSwitch()}
      </div>
    </main>`;
  }

  #returnTo() {
    return location.pathname.startsWith(BASE_PATH) ? location.pathname + location.search : BASE_PATH;
  }

  willUpdate() {
    if (this.ready && this.auth.accessToken && ['', 'callback'].includes(this.#relative())) {
      // the home page is the first screen this staff member may use
      const home = this.screens.find(s => s.label && allowed(s, this.auth.identity.roles));
      this.#go(BASE_PATH + home.path, true);
    }
  }

  #relative() {
    return this.path.startsWith(BASE_PATH) ? this.path.slice(BASE_PATH.length).replace(/\/$/, '') : '';
  }

  #shell() {
    const me = this.auth.identity;
    const visible = this.screens.filter(s => s.label && allowed(s, me.roles));
    const relative = this.#relative();
    const groups = [...new Set(visible.map(s => s.group))];
    return html`
      <a class="skip" href="#content" @click=${this.skipToContent}>${t('app.skip')}</a>
      <header>
        <span class="brand">${t('app.title')}</span>
        <span class="meta tz">${t('tz.note', { zone: timeZone() })}</span>
        <span class="meta who">${t('signedin.as', { name: me.name })}</span>
        ${this.#languageSwitch()}
        <button @click=${() => this.auth.signOut()}>${t('signout.button')}</button>
      </header>
      <div class="layout">
        <nav class="main" aria-label=${t('nav.label')}>
          ${groups.map(group => html`<h2>${t(group)}</h2><ul>
            ${visible.filter(s => s.group === group).map(s => html`<li><a href=${BASE_PATH + s.path}
                aria-current=${relative === s.path ? 'page' : 'false'} @click=${this.navigate}>${s.label()}</a></li>`)}
          </ul>`)}
        </nav>
        <main id="content">${this.#screen(relative, me)}</main>
      </div>`;
  }

  #screen(relative, me) {
    // a screen is one path, or a pattern whose groups are its parameters (a complaint's page: its id)
    const screen = this.screens.find(s => (s.pattern ? s.pattern.test(relative) : s.path === relative));
    if (!screen) {
      return html`<section><h1 tabindex="-1">${t('notfound.title')}</h1><p>${t('notfound.body')}</p></section>`;
    }
    if (!allowed(screen, me.roles)) {
      return html`<section><h1 tabindex="-1">${t('forbidden.title')}</h1>
        <p>${t('forbidden.body', { roles: screen.roles.map(r => t(`role.${r}`)).join(', ') })}</p></section>`;
    }
    const params = screen.pattern ? relative.match(screen.pattern).slice(1) : [];
    return screen.render({ api: this.api, identity: me, params }, html);
  }
}
customElements.define('careline-console', CarelineConsole);
