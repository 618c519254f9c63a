import { html, css } from 'lit';
import { LocalizedElement, shared } from '../localized.js';
import { formatTime, roleName, t } from '../i18n.js';

/** The signed-in staff member as the API sees them: from the access token. */
export class WhoAmI extends LocalizedElement {
  static properties = { identity: { attribute: false } };

  static styles = [shared, css`
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1.2rem; }
    dt { color: var(--muted); }
    dd { margin: 0; }
    ul { margin: 0; padding: 0; list-style: none; }
  `];

  render() {
    const me = this.identity;
    return html`
      <h1 tabindex="-1">${t('whoami.title')}</h1>
      <dl>
        <dt>${t('whoami.name')}</dt><dd class="name">${me.name}</dd>
        <dt>${t('whoami.username')}</dt><dd class="username"><code>${me.username}</code></dd>
        <dt>${t('whoami.email')}</dt><dd>${me.email ?? t('whoami.none')}</dd>
        <dt>${t('whoami.roles')}</dt>
        <dd><ul class="roles">${me.roles.length
          ? [...me.roles].sort().map(r => html`<li data-role=${r}>${roleName(r)} (<code>${r}</code>)</li>`)
          : html`<li>${t('whoami.none')}</li>`}</ul></dd>
        <dt>${t('whoami.client')}</dt><dd class="client"><code>${me.client}</code></dd>
        <dt>${t('whoami.expires')}</dt><dd><time datetime=${me.expiresAt}>${formatTime(me.expiresAt)}</time></dd>
      </dl>`;
  }
}
customElements.define('who-am-i', WhoAmI);
