import { html, nothing } from 'lit';
import { shared } from '../localized.js';
import { formatNumber, formatTime, t } from '../i18n.js';
import { ListScreen, go, pager, screenStyles, tableRegion } from '../screen.js';
import { abilities, complaintStyles, COMPLAINTS, sla, STATUSES } from './complaint-common.js';

const PAGE_SIZE = 20;

/**
 * A staff member's queue: their own complaints, their team's, and for supervisors everyone's or the unassigned,
 * most urgent first (the API's order), each with its SLA clock ticking. Supervisors reassign many at once.
 */
export class ComplaintQueue extends ListScreen {
  static properties = {
    identity: { attribute: false },
    scope: { state: true },
    query: { state: true },
    chosen: { state: true },
  };

  static styles = [shared, screenStyles, complaintStyles];

  constructor() {
    super();
    this.scope = 'mine';
    this.query = '';
    this.chosen = new Set();
  }

  get #scopes() {
    const scopes = ['mine'];
    if (this.identity.team) scopes.push('team');
    if (abilities(this.identity).oversee) scopes.push('all', 'unassigned');
    return scopes;
  }

  listPath() {
    const params = new URLSearchParams();
    if (this.scope === 'mine') params.set('assignee', 'me');
    if (this.scope === 'team') params.set('team', this.identity.team);
    if (this.scope === 'unassigned') params.set('assignee', 'none');
    if (this.query) params.set('q', this.query);
    return `${COMPLAINTS}?${this.pageQuery(PAGE_SIZE)}${params.size ? `&${params}` : ''}`;
  }

  search(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.scope = form.get('scope');
    this.status = form.get('status');
    this.query = form.get('q').trim();
    this.page = 0;
    this.chosen = new Set();
    this.load();
  }

  choose(id, on) {
    const chosen = new Set(this.chosen);
    if (on) chosen.add(id);
    else chosen.delete(id);
    this.chosen = chosen;
  }

  async reassign(event) {
    event.preventDefault();
    const formElement = event.target;
    const form = new FormData(formElement);
    const body = { ids: [...this.chosen], reason: form.get('reason') };
    for (const name of ['assignee', 'team']) if (form.get(name)) body[name] = form.get(name).trim();
    const done = await this.run(async () => {
      const result = await this.api.post(`${COMPLAINTS}/bulk-reassign`, body);
      await this.fetchList();
      return result;
    }, result => t('queue.bulk.done', { count: formatNumber(result.reassigned) }), 'bulk');
    if (done) {
      formElement.reset();
      this.chosen = new Set();
    }
  }

  render() {
    return html`
      ${this.top(t('queue.title'), t('queue.lead'), () => this.load())}
      ${this.#filters()}
      ${this.view ? this.#table() : html`<p aria-busy="true">${t('app.loading')}</p>`}
      ${abilities(this.identity).oversee && this.view?.total ? this.#bulk() : nothing}`;
  }

  #filters() {
    return html`<form class="inline filters" @submit=${this.search} aria-label=${t('queue.filters')}>
      <label>${t('queue.scope')}
        <select name="scope">${this.#scopes.map(s => html`<option value=${s} ?selected=${this.scope === s}>${t(`queue.scope.${s}`,
          { team: this.identity.team })}</option>`)}</select></label>
      <label>${t('complaint.status')}
        <select name="status">
          <option value="" ?selected=${!this.status}>${t('queue.status.open')}</option>
          ${STATUSES.map(s => html`<option value=${s} ?selected=${this.status === s}>${t(`complaint.status.${s}`)}</option>`)}
        </select></label>
      <label>${t('queue.search')} <input name="q" type="search" maxlength="100" .value=${this.query}></label>
      <button class="primary" ?disabled=${this.busy}>${t('queue.show')}</button>
    </form>`;
  }

  #table() {
    const { items, total } = this.view;
    if (total === 0) return html`<p class="empty">${t('queue.empty')}</p>`;
    const oversee = abilities(this.identity).oversee;
    const head = [
      ...(oversee ? [t('queue.col.choose')] : []),
      t('complaint.reference'), t('complaint.subject'), t('complaint.customer'), t('complaint.priority'),
      t('complaint.status'), t('complaint.assignee'), t('queue.col.sla'), t('complaint.received'),
    ];
    return html`
      ${tableRegion(t('queue.caption'), 'queue', head, items.map(c => html`
        <tr data-id=${c.id} class=${c.overdue ? 'late' : ''}>
          ${oversee ? html`<td><input type="checkbox" .checked=${this.chosen.has(c.id)}
            @change=${e => this.choose(c.id, e.target.checked)} aria-label=${t('queue.choose.label', { reference: c.reference })}></td>` : nothing}
          <th scope="row"><a class="ref" href=${`${import.meta.env.BASE_URL}complaints/${c.id}`} @click=${go}>${c.reference}</a></th>
          <td>${c.subject}<span class="sub">${t(`complaint.category.${c.category}`)} · ${t('complaint.via', { channel: c.channel })}</span></td>
          <td>${c.customerId}</td>
          <td class=${`priority-${c.priority}`}>${t(`complaint.priority.${c.priority}`)}</td>
          <td>${t(`complaint.status.${c.status}`)}</td>
          <td>${c.assignee ?? t('complaint.unassigned')}${c.team ? html`<span class="sub">${t('complaint.team', { team: c.team })}</span>` : nothing}</td>
          <td>${sla(c)}</td>
          <td><time datetime=${c.receivedAt}>${formatTime(c.receivedAt)}</time></td>
        </tr>`))}
      ${pager(this.view, d => this.turn(d), this.busy)}`;
  }

  #bulk() {
    return html`<section class="detail bulk" aria-labelledby="bulk-title">
      <h2 id="bulk-title">${t('queue.bulk.title')}</h2>
      <p>${t('queue.bulk.chosen', { count: formatNumber(this.chosen.size) })}</p>
      <form class="inline" @submit=${this.reassign}>
        ${this.field('bulk', 'assignee', t('complaint.assign.to'), a => html`<input name="assignee" maxlength="64"
          pattern="[A-Za-z0-9._@\\-]{1,64}" aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`)}
        ${this.field('bulk', 'team', t('complaint.assign.team'), a => html`<input name="team" maxlength="64"
          pattern="[A-Za-z0-9._@\\-]{1,64}" aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`)}
        ${this.field('bulk', 'reason', t('complaint.reason'), a => html`<input name="reason" required maxlength="1000" size="30"
          aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>`)}
        <button class="primary" ?disabled=${this.busy || this.chosen.size === 0}>${t('queue.bulk.submit')}</button>
      </form>
    </section>`;
  }
}
customElements.define('complaint-queue', ComplaintQueue);
