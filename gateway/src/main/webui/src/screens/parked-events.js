import { html, css, nothing } from 'lit';
import { shared } from '../localized.js';
import { formatNumber, formatTime, t } from '../i18n.js';
import { Screen, pager, screenStyles, tableRegion } from '../screen.js';

const PAGE_SIZE = 20;

// io.careline.complaint.ComplaintReceived -> ComplaintReceived; the whole type is in the cell's title
const shortType = type => type.slice(type.lastIndexOf('.') + 1);

/** An admin's list of one service's parked outbox events, with retry and (confirmed) discard. */
export class ParkedEvents extends Screen {
  static properties = {
    service: {},
    page: { state: true },
    view: { state: true },
    pending: { state: true },
  };

  static styles = [shared, screenStyles, css`
    td.error { min-width: 12rem; max-width: 24rem; overflow-wrap: break-word; color: var(--muted); }
    td.event code { display: block; }
    td.event .topic { color: var(--muted); }
    td.key { white-space: nowrap; }
    td.actions { white-space: nowrap; }
    td.actions button + button { margin-left: 0.4rem; }
    dialog { border: 1px solid var(--line); border-radius: 8px; max-width: 32rem; }
    dialog::backdrop { background: rgb(0 0 0 / 0.35); }
    dialog menu { display: flex; gap: 0.6rem; justify-content: flex-end; padding: 0; margin: 1rem 0 0; }
  `];

  constructor() {
    super();
    this.page = 0;
    this.view = null;
    this.pending = null;
  }

  willUpdate(changed) {
    if (changed.has('service') && changed.get('service') !== undefined) {
      this.page = 0;
      this.view = null;
      this.message = '';
    }
  }

  updated(changed) {
    if (changed.has('service') || changed.has('page')) this.load();
  }

  get #base() {
    return `/api/v1/ops/${encodeURIComponent(this.service)}/outbox`;
  }

  load() {
    return this.run(() => this.#list());
  }

  async #list() {
    this.view = await this.api.get(`${this.#base}/parked?page=${this.page}&size=${PAGE_SIZE}`);
    // the last item of the last page went: show the page before
    if (this.view.items.length === 0 && this.page > 0) this.page -= 1;
  }

  async retry(event) {
    await this.#act(event, 'retry', 'parked.retried');
  }

  askDiscard(event) {
    this.pending = event;
    this.message = '';
    this.updateComplete.then(() => this.renderRoot.querySelector('dialog').showModal());
  }

  async confirmDiscard() {
    const event = this.pending;
    this.renderRoot.querySelector('dialog').close();
    await this.#act(event, 'discard', 'parked.discarded');
  }

  closed() {
    this.pending = null;
  }

  #act(event, action, done) {
    return this.run(async () => {
      await this.api.post(`${this.#base}/${event.id}/${action}`);
      await this.#list();
    }, t(done, { position: event.position }));
  }

  render() {
    const service = t(`service.${this.service}`);
    return html`
      ${this.top(t('parked.title', { service }), t('parked.lead'), () => this.load())}
      ${this.view ? this.#table(service) : html`<p aria-busy="true">${t('app.loading')}</p>`}
      ${this.#dialog()}`;
  }

  #table(service) {
    const { items, total } = this.view;
    if (total === 0) return html`<p class="empty">${t('parked.empty')}</p>`;
    const head = [t('parked.col.position'), `${t('parked.col.type')} / ${t('parked.col.topic')}`, t('parked.col.key'),
      t('parked.col.occurred'), t('parked.col.attempts'), t('parked.col.error'), t('parked.col.parked'), t('parked.col.actions')];
    return html`
      ${tableRegion(t('parked.caption', { service }), 'parked', head, items.map(e => html`
          <tr data-id=${e.id}>
            <th scope="row">${e.position}</th>
            <td class="event"><code class="type" title=${e.eventType}>${shortType(e.eventType)}</code>
              <code class="topic">${e.topic}</code></td>
            <td class="key"><code>${e.messageKey}</code></td>
            <td><time datetime=${e.occurredAt}>${formatTime(e.occurredAt)}</time></td>
            <td>${formatNumber(e.attempts)}</td>
            <td class="error">${e.lastError}</td>
            <td><time datetime=${e.parkedAt}>${formatTime(e.parkedAt)}</time></td>
            <td class="actions">
              <button class="primary" ?disabled=${this.busy} @click=${() => this.retry(e)}
                aria-label=${t('parked.retry.label', { position: e.position })}>${t('parked.retry')}</button>
              <button class="danger" ?disabled=${this.busy} @click=${() => this.askDiscard(e)}
                aria-label=${t('parked.discard.label', { position: e.position })}>${t('parked.discard')}</button>
            </td>
          </tr>`))}
      ${pager(this.view, d => { this.page += d; }, this.busy)}`;
  }

  #dialog() {
    const e = this.pending;
    // a native modal dialog: focus moves into it, stays there, and Escape cancels
    return html`<dialog aria-labelledby="confirm-title" @close=${this.closed}>
      ${e ? html`
        <h2 id="confirm-title">${t('parked.confirm.title', { position: e.position })}</h2>
        <p>${t('parked.confirm.body', { type: e.eventType, key: e.messageKey })}</p>
        <menu>
          <button autofocus @click=${() => this.renderRoot.querySelector('dialog').close()}>${t('common.cancel')}</button>
          <button class="danger" @click=${this.confirmDiscard}>${t('parked.confirm.ok')}</button>
        </menu>` : nothing}
    </dialog>`;
  }
}
customElements.define('parked-events', ParkedEvents);
