import { html } from 'lit';
import { shared } from '../localized.js';
import { t } from '../i18n.js';
import { ListScreen, go, pager, screenStyles, tableRegion } from '../screen.js';

export const CUSTOMERS = '/api/v1/customers';
const PAGE_SIZE = 20;

export const customerName = c => c.displayName ?? [c.givenName, c.familyName].filter(Boolean).join(' ');

/**
 * Care staff find a customer by part of a name, or an exact e-mail, phone, partner external id or customer id. The
 * search words go to the API only, never into the console's own address.
 */
export class CustomerSearch extends ListScreen {
  constructor() {
    super();
    this.q = '';
  }

  listPath() {
    return `${CUSTOMERS}?${this.pageQuery(PAGE_SIZE)}${this.q ? `&q=${encodeURIComponent(this.q)}` : ''}`;
  }

  search(event) {
    event.preventDefault();
    this.q = new FormData(event.target).get('q').trim();
    this.page = 0;
    this.run(() => this.fetchList(), '', 'search');
  }

  render() {
    return html`
      ${this.top(t('customers.title'), t('customers.lead'))}
      <form class="inline search" role="search" @submit=${this.search}>
        ${this.field('search', 'q', t('customers.query'), a => html`<input name="q" type="search" maxlength="100" size="36"
          autocomplete="off" aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`)}
        <button class="primary" ?disabled=${this.busy}>${t('customers.search')}</button>
      </form>
      ${this.view ? this.#table() : html`<p aria-busy="true">${t('app.loading')}</p>`}`;
  }

  #table() {
    if (this.view.total === 0) return html`<p class="empty">${t('customers.empty')}</p>`;
    const head = [t('customers.col.id'), t('customers.col.name'), t('customers.col.contacts'), t('customers.col.region'),
      t('parked.col.actions')];
    return html`${tableRegion(t('customers.caption'), 'customers', head, this.view.items.map(c => html`
      <tr data-id=${c.customerId}>
        <th scope="row"><code>${c.customerId}</code></th>
        <td>${c.erased ? t('customer.erased') : customerName(c)}</td>
        <td>${[...(c.emails ?? []).map(e => e.address), ...(c.phones ?? []).map(p => p.number)].join(', ')}</td>
        <td>${c.region ?? ''}</td>
        <td><a href=${`${import.meta.env.BASE_URL}customers/${c.customerId}`} @click=${go}
          aria-label=${t('care.open.label', { name: c.erased ? c.customerId : customerName(c) })}>${t('care.open')}</a></td>
      </tr>`))}
      ${pager(this.view, d => this.turn(d), this.busy)}`;
  }

  static styles = [shared, screenStyles];
}
customElements.define('customer-search', CustomerSearch);
