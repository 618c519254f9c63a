import { html, nothing } from 'lit';
import { shared } from '../localized.js';
import { formatNumber, formatTime, t } from '../i18n.js';
import { Screen, screenStyles, tableRegion } from '../screen.js';
import { careStyles, BENEFICIARIES, instantOf, localNow } from './care-common.js';

const KINDS = ['VISIT', 'CALL', 'ERRAND', 'PAPERWORK'];

/** A volunteer's people (the API gives a volunteer only those assigned to them), their plan, and logging an activity. */
export class CarePeople extends Screen {
  static properties = {
    view: { state: true },
    selected: { state: true },
    plan: { state: true },
    activities: { state: true },
  };

  static styles = [shared, screenStyles, careStyles];

  firstUpdated() {
    this.load();
  }

  load() {
    return this.run(async () => { this.view = await this.api.get(`${BENEFICIARIES}?status=IN_CARE&size=100`); });
  }

  async open(person) {
    this.selected = person;
    await this.run(() => this.#refresh());
    this.focus('#person-title');
  }

  async #refresh() {
    const id = this.selected.id;
    const [plan, activities] = await Promise.all([
      this.api.get(`${BENEFICIARIES}/${id}/plan`).catch(e => (e.status === 404 ? null : Promise.reject(e))),
      this.api.get(`${BENEFICIARIES}/${id}/activities?size=10`),
    ]);
    this.plan = plan;
    this.activities = activities;
  }

  async log(event) {
    event.preventDefault();
    const formElement = event.target;
    const form = new FormData(formElement);
    const body = {
      kind: form.get('kind'),
      occurredAt: instantOf(form.get('occurredAt')),
      durationMinutes: Number(form.get('durationMinutes')),
      guardianPresent: form.get('guardianPresent') === 'on',
    };
    for (const field of ['notes', 'needsFound']) if (form.get(field)) body[field] = form.get(field);
    await this.run(async () => {
      await this.api.post(`${BENEFICIARIES}/${this.selected.id}/activities`, body);
      formElement.reset();
      await this.#refresh();
    }, t('care.log.done', { kind: t(`care.kind.${body.kind}`), name: this.selected.fullName }));
  }

  render() {
    return html`
      ${this.top(t('care.people.title'), t('care.people.lead'), () => this.load())}
      ${this.view ? this.#table() : html`<p aria-busy="true">${t('app.loading')}</p>`}
      ${this.selected ? this.#person(this.selected) : nothing}`;
  }

  #table() {
    const { items } = this.view;
    if (items.length === 0) return html`<p class="empty">${t('care.people.empty')}</p>`;
    const head = [t('care.col.name'), t('care.col.region'), t('care.col.language'), t('care.started'), t('parked.col.actions')];
    return tableRegion(t('care.people.caption'), 'people', head, items.map(b => html`
        <tr data-id=${b.id} aria-current=${this.selected?.id === b.id ? 'true' : 'false'}>
          <th scope="row">${b.fullName}${b.minor ? html` <span class="tag">${t('care.minor')}</span>` : nothing}</th>
          <td>${b.region}</td>
          <td>${b.language}</td>
          <td><time datetime=${b.careStartedAt}>${formatTime(b.careStartedAt)}</time></td>
          <td><button @click=${() => this.open(b)} ?disabled=${this.busy}
            aria-label=${t('care.open.label', { name: b.fullName })}>${t('care.open')}</button></td>
        </tr>`));
  }

  #person(b) {
    const p = this.plan;
    return html`<section class="detail" aria-labelledby="person-title">
      <h2 id="person-title" tabindex="-1">${b.fullName}</h2>
      ${b.safeguarding ? html`<p>${t('care.safeguarding')}: ${t(`care.safeguarding.${b.safeguarding}`)}</p>` : nothing}
      ${p ? html`<p class="plan">${t('care.plan.cadence', { days: formatNumber(p.cadenceDays) })} ·
          ${t('care.plan.next')} <time datetime=${p.nextDueAt}>${formatTime(p.nextDueAt)}</time>
          ${new Date(p.nextDueAt) < new Date() ? html`<strong class="overdue">${t('care.plan.overdue')}</strong>` : nothing}</p>`
        : html`<p>${t('care.plan.none')}</p>`}
      <h3 id="log-title">${t('care.log.title')}</h3>
      <form class="stack" @submit=${this.log} aria-labelledby="log-title">
        <label>${t('care.log.kind')}
          <select name="kind">${KINDS.map(k => html`<option value=${k}>${t(`care.kind.${k}`)}</option>`)}</select></label>
        <label>${t('care.log.when')} <input name="occurredAt" type="datetime-local" required value=${localNow()}></label>
        <label>${t('care.log.minutes')} <input name="durationMinutes" type="number" min="1" max="1440" required value="60"></label>
        <label>${t('care.log.notes')} <textarea name="notes" maxlength="4000" rows="3"></textarea></label>
        <label>${t('care.log.needs')} <textarea name="needsFound" maxlength="2000" rows="2"></textarea></label>
        ${b.minor ? html`<label class="check"><span><input name="guardianPresent" type="checkbox">
          ${t('care.log.guardian')}</span></label>` : nothing}
        <div><button class="primary" ?disabled=${this.busy}>${t('care.log.submit')}</button></div>
      </form>
      ${this.activities ? this.#activities(b) : nothing}
    </section>`;
  }

  #activities(b) {
    const { items } = this.activities;
    if (items.length === 0) return html`<p class="empty">${t('care.activities.empty')}</p>`;
    return html`<table class="activities">
      <caption>${t('care.activities.caption', { name: b.fullName })}</caption>
      <thead><tr>
        <th scope="col">${t('care.log.when')}</th>
        <th scope="col">${t('care.log.kind')}</th>
        <th scope="col">${t('care.log.minutes')}</th>
        <th scope="col">${t('care.log.notes')}</th>
      </tr></thead>
      <tbody>${items.map(a => html`<tr data-id=${a.id}>
        <td><time datetime=${a.occurredAt}>${formatTime(a.occurredAt)}</time></td>
        <td>${t(`care.kind.${a.kind}`)}</td>
        <td>${formatNumber(a.durationMinutes)}</td>
        <td>${a.notes ?? ''}</td>
      </tr>`)}</tbody>
    </table>`;
  }
}
customElements.define('care-people', CarePeople);
