import { html, css, nothing } from 'lit';
import { shared } from '../localized.js';
import { formatTime, t } from '../i18n.js';
import { Screen, go, screenStyles, tableRegion } from '../screen.js';
import { CUSTOMERS, customerName } from './customer-search.js';

const SUBSCRIPTION_PAGE = 100;
const OPEN = ['pending', 'active'];

/** What the customer service's staff API lets each role do (it checks again). */
function abilities(identity) {
  const has = role => identity.roles.includes(role);
  return { care: has('agent') || has('supervisor'), erase: has('admin') };
}

// a value the console has no words for (a source added later) is shown as the service wrote it
const word = (key, raw) => (t(key) === key ? raw : t(key));

const when = iso => (iso ? html`<time datetime=${iso}>${formatTime(iso)}</time>` : nothing);

/**
 * A customer as care staff see them: profile, contacts, consents with their history, subscriptions (cancelled on the
 * customer's behalf by an agent, recorded with the agent channel), and for an admin the erasure: where it stands,
 * and its request, which the service refuses under a legal hold with its own words.
 */
export class CustomerPage extends Screen {
  static properties = {
    customerId: { attribute: 'customer-id' },
    identity: { attribute: false },
    customer: { state: true },
    consents: { state: true },
    subscriptions: { state: true },
    erasure: { state: true },
  };

  static styles = [shared, screenStyles, css`
    .verified { color: var(--ok); }
    ul.contacts { margin: 0; padding-left: 1.1rem; }
    .granted-false { color: var(--muted); }
    label.check { display: flex; gap: 0.4rem; align-items: center; }
    label.check input { margin: 0; }
  `];

  firstUpdated() {
    this.run(() => this.#fetch()).then(() => this.focus('h1'));
  }

  async #fetch() {
    const base = `${CUSTOMERS}/${encodeURIComponent(this.customerId)}`;
    const { erase } = abilities(this.identity);
    const [customer, consents, subscriptions, erasure] = await Promise.all([
      this.api.get(base),
      this.api.get(`${base}/consents`),
      this.api.get(`${base}/subscriptions?size=${SUBSCRIPTION_PAGE}`),
      erase ? this.api.get(`${base}/erasure`) : null,
    ]);
    Object.assign(this, { customer, consents, subscriptions, erasure });
  }

  cancel(s) {
    this.run(async () => {
      await this.api.post(`${CUSTOMERS}/${encodeURIComponent(this.customerId)}/subscriptions/${s.id}/cancel`);
      await this.#fetch();
    }, t('customer.subscription.cancelled.done', { product: s.product }));
  }

  erase(event) {
    event.preventDefault();
    this.run(async () => {
      await this.api.post(`${CUSTOMERS}/${encodeURIComponent(this.customerId)}/erasure`);
      await this.#fetch();
    }, t('customer.erasure.requested'), 'erasure');
  }

  render() {
    const c = this.customer;
    const back = html`<a href=${`${import.meta.env.BASE_URL}customers`} @click=${go}>${t('customer.back')}</a>`;
    const title = c ? t('customer.title', { name: customerName(c), id: c.customerId }) : t('customer.title.loading');
    return html`
      ${this.top(title, '', () => this.run(() => this.#fetch()), back)}
      ${c ? html`${this.#profile(c)}${this.#consents()}${this.#subscriptions()}${this.erasure ? this.#erasure(this.erasure) : nothing}`
        : this.error ? nothing : html`<p aria-busy="true">${t('app.loading')}</p>`}`;
  }

  #profile(c) {
    const contacts = [...(c.emails ?? []).map(e => [e.address, e.verified]), ...(c.phones ?? []).map(p => [p.number, p.verified])];
    return html`<section class="detail profile" aria-labelledby="profile-title">
      <h2 id="profile-title">${t('customer.profile')}</h2>
      <dl class="facts">
        <dt>${t('customers.col.id')}</dt><dd><code>${c.customerId}</code></dd>
        ${c.erased ? html`<dt>${t('customer.erasure')}</dt><dd>${t('customer.erased')}</dd>` : nothing}
        ${c.givenName || c.familyName ? html`<dt>${t('customer.full-name')}</dt><dd>${[c.givenName, c.familyName].filter(Boolean).join(' ')}</dd>` : nothing}
        ${c.birthday ? html`<dt>${t('customer.birthday')}</dt><dd>${c.birthday}</dd>` : nothing}
        <dt>${t('customer.contacts')}</dt><dd>${contacts.length ? html`<ul class="contacts">${contacts.map(([value, verified]) => html`
          <li>${value} ${verified ? html`<span class="tag verified">${t('customer.verified')}</span>`
            : html`<span class="tag">${t('customer.unverified')}</span>`}</li>`)}</ul>` : '—'}</dd>
        ${c.preferredChannel ? html`<dt>${t('customer.preferred')}</dt><dd>${t(`customer.channel.${c.preferredChannel}`)}</dd>` : nothing}
        ${c.locale ? html`<dt>${t('customer.locale')}</dt><dd>${c.locale}</dd>` : nothing}
        ${c.timezone ? html`<dt>${t('customer.timezone')}</dt><dd>${c.timezone}</dd>` : nothing}
        ${c.region ? html`<dt>${t('customers.col.region')}</dt><dd>${c.region}</dd>` : nothing}
        ${(c.partners ?? []).length ? html`<dt>${t('customer.partners')}</dt><dd>${c.partners.map(p =>
          `${p.partnerId}: ${p.externalId}`).join(', ')}</dd>` : nothing}
        ${(c.household ?? []).length ? html`<dt>${t('customer.household')}</dt><dd>${c.household.map(h => html`
          <a href=${`${import.meta.env.BASE_URL}customers/${h.customerId}`} @click=${go}>${h.customerId}</a>
          (${t(`customer.household.${h.role}`)}) `)}</dd>` : nothing}
        <dt>${t('customer.created')}</dt><dd>${when(c.createdAt)}<span class="sub">${c.createdBy ?? ''}</span></dd>
        ${c.legalHold?.active ? html`<dt>${t('customer.legal-hold')}</dt><dd class="legal-hold">${c.legalHold.reason}
          <span class="sub">${c.legalHold.setBy} · ${formatTime(c.legalHold.at)}</span></dd>` : nothing}
      </dl>
    </section>`;
  }

  #consents() {
    const row = k => html`<tr>
      <th scope="row">${t(`customer.purpose.${k.purpose}`)}</th><td>${t(`customer.channel.${k.channel}`)}</td>
      <td class=${`granted-${k.granted}`}>${t(k.granted ? 'customer.consent.given' : 'customer.consent.withdrawn')}</td>
      <td>${word(`customer.source.${k.source}`, k.source)}</td><td>${when(k.at)}</td></tr>`;
    const head = [t('customer.purpose'), t('customer.channel'), t('customer.consent'), t('customer.source'), t('customer.at')];
    const { current, history } = this.consents;
    return html`<section class="detail consents" aria-labelledby="consents-title">
      <h2 id="consents-title">${t('customer.consents')}</h2>
      ${current.length ? tableRegion(t('customer.consents.current'), 'consents-current', head, current.map(row))
        : html`<p class="empty">${t('customer.consents.none')}</p>`}
      ${history.length ? tableRegion(t('customer.consents.history'), 'consents-history', head, history.map(row)) : nothing}
    </section>`;
  }

  #subscriptions() {
    const { care } = abilities(this.identity);
    const { items } = this.subscriptions;
    const head = [t('customer.product'), t('complaint.status'), t('customer.subscription.requested'),
      t('customer.subscription.ended'), ...(care ? [t('parked.col.actions')] : [])];
    return html`<section class="detail subscriptions" aria-labelledby="subscriptions-title">
      <h2 id="subscriptions-title">${t('customer.subscriptions')}</h2>
      ${items.length === 0 ? html`<p class="empty">${t('customer.subscriptions.none')}</p>`
        : tableRegion(t('customer.subscriptions'), 'subscriptions', head, items.map(s => html`<tr data-id=${s.id}>
          <th scope="row">${s.product}</th>
          <td class="subscription-status">${t(`customer.subscription.${s.status}`)}${s.confirmedAt
            ? html`<span class="sub">${t('customer.subscription.confirmed', { time: formatTime(s.confirmedAt) })}</span>` : nothing}</td>
          <td>${when(s.requestedAt)}</td>
          <td>${s.cancelledAt ? html`${when(s.cancelledAt)}<span class="sub cancel-channel">${t('customer.subscription.via', {
            channel: t(`customer.cancel.${s.cancelChannel}`) })}</span>` : s.voidReason ?? ''}</td>
          ${care ? html`<td>${OPEN.includes(s.status) ? html`<button ?disabled=${this.busy} @click=${() => this.cancel(s)}
            aria-label=${t('customer.subscription.cancel.label', { product: s.product })}>${t('customer.subscription.cancel')}</button>`
            : nothing}</td>` : nothing}
        </tr>`))}
    </section>`;
  }

  #erasure(e) {
    return html`<section class="detail erasure" aria-labelledby="erasure-title">
      <h2 id="erasure-title">${t('customer.erasure')}</h2>
      <dl>
        <dt>${t('complaint.status')}</dt><dd class="erasure-status">${t(`customer.erasure.${e.status}`)}</dd>
        ${e.requestedAt ? html`<dt>${t('customer.erasure.requested-at')}</dt><dd>${when(e.requestedAt)}</dd>` : nothing}
        ${e.legalHold ? html`<dt>${t('customer.legal-hold')}</dt><dd>${t('customer.legal-hold.active')}</dd>` : nothing}
      </dl>
      ${e.services?.length ? tableRegion(t('customer.erasure.services'), 'erasure-services',
        [t('customer.erasure.service'), t('customer.erasure.confirmed')], e.services.map(s => html`<tr>
          <th scope="row">${s.service}</th><td>${s.confirmed ? when(s.confirmedAt) : t('customer.erasure.waiting')}</td></tr>`)) : nothing}
      ${e.status === 'not_requested' ? html`<form class="erase" @submit=${this.erase}>
        <p class="sub">${t('customer.erasure.lead')}</p>
        <label class="check"><input type="checkbox" name="checked" required>${t('customer.erasure.check')}</label>
        <p><button class="danger" ?disabled=${this.busy}>${t('customer.erasure.request')}</button></p>
      </form>` : nothing}
    </section>`;
  }
}
customElements.define('customer-page', CustomerPage);
