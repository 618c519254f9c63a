import { html, css, nothing } from 'lit';
import { LocalizedElement, shared } from '../localized.js';
import { formatNumber, formatTime, t } from '../i18n.js';
import '../problem-alert.js';

const PAGE_SIZE = 20;

// io.careline.complaint.ComplaintReceived -> ComplaintReceived; the whole type is in the cell's title
const shortType = type => type.slice(type.lastIndexOf('.') + 1);

/** An admin's list of one service's parked outbox events, with retry and (confirmed) discard. */
export class ParkedEvents extends LocalizedElement {
  static properties = {
    api: { attribute: false },
    service: {},
    page: { state: true },
    view: { state: true },
    error: { state: true },
    message: { state: true },
    busy: { state: true },
    pending: { state: true },
  };

  static styles = [shared, css`
    .bar { display: flex; gap: 0.6rem; align-items: center; margin: 0.6rem 0; }
    .bar .grow { flex: 1; }
    .scroll { overflow-x: auto; }
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
    this.message = '';
    this.busy = false;
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

  async load() {
    this.busy = true;
    try {
      this.view = await this.api.get(`${this.#base}/parked?page=${this.page}&size=${PAGE_SIZE}`);
      this.error = null;
      // the last item of the last page went: show the page before
      if (this.view.items.length === 0 && this.page > 0) this.page -= 1;
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
    }
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

  async #act(event, action, done) {
    this.busy = true;
    this.message = '';
    try {
      await this.api.post(`${this.#base}/${event.id}/${action}`);
      this.error = null;
      this.message = t(done, { position: event.position });
      await this.load();
    } catch (e) {
      this.error = e;
      this.busy = false;
    }
  }

  render() {
    const service = t(`service.${this.service}`);
    return html`
      <h1 tabindex="-1">${t('parked.title', { service })}</h1>
      <p class="lead">${t('parked.lead')}</p>
      <div class="bar">
        <button @click=${() => this.load()} ?disabled=${this.busy}>${t('common.refresh')}</button>
        <span class="grow"></span>
        <span role="status" class="status">${this.message}</span>
      </div>
      <problem-alert .error=${this.error}></problem-alert>
      ${this.view ? this.#table(service) : html`<p aria-busy="true">${t('app.loading')}</p>`}
      ${this.#dialog()}`;
  }

  #table(service) {
    const { items, page, size, total } = this.view;
    if (total === 0) return html`<p class="empty">${t('parked.empty')}</p>`;
    const from = page * size + 1;
    const to = page * size + items.length;
    return html`
      <div class="scroll" tabindex="0" role="region" aria-label=${t('parked.caption', { service })}><table>
        <caption>${t('parked.caption', { service })}</caption>
        <thead><tr>
          <th scope="col">${t('parked.col.position')}</th>
          <th scope="col">${t('parked.col.type')} / ${t('parked.col.topic')}</th>
          <th scope="col">${t('parked.col.key')}</th>
          <th scope="col">${t('parked.col.occurred')}</th>
          <th scope="col">${t('parked.col.attempts')}</th>
          <th scope="col">${t('parked.col.error')}</th>
          <th scope="col">${t('parked.col.parked')}</th>
          <th scope="col">${t('parked.col.actions')}</th>
        </tr></thead>
        <tbody>${items.map(e => html`
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
          </tr>`)}
        </tbody>
      </table></div>
      <nav class="bar" aria-label=${t('page.label')}>
        <button ?disabled=${page === 0 || this.busy} @click=${() => { this.page -= 1; }}>${t('page.prev')}</button>
        <span>${t('page.summary', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })}</span>
        <button ?disabled=${to >= total || this.busy} @click=${() => { this.page += 1; }}>${t('page.next')}</button>
      </nav>`;
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
