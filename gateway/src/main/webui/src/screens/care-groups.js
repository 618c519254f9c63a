import { html, nothing } from 'lit';
import { LocalizedElement, shared } from '../localized.js';
import { formatNumber, formatTime, t } from '../i18n.js';
import { careStyles, GROUPS, instantOf } from './care-common.js';
import '../problem-alert.js';

const PAGE_SIZE = 20;
const shortId = id => id.slice(0, 8);

/**
 * Group activities. A coordinator plans them, sees the sign-ups and records who came; a volunteer signs up for one.
 * What each may do is the API's rule too.
 */
export class CareGroups extends LocalizedElement {
  static properties = {
    api: { attribute: false },
    coordinator: { type: Boolean },
    page: { state: true },
    view: { state: true },
    selected: { state: true },
    error: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  static styles = [shared, careStyles];

  constructor() {
    super();
    this.page = 0;
    this.message = '';
    this.busy = false;
  }

  firstUpdated() {
    this.load();
  }

  async load() {
    this.busy = true;
    try {
      this.view = await this.api.get(`${GROUPS}?page=${this.page}&size=${PAGE_SIZE}`);
      this.error = null;
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
    }
  }

  turn(delta) {
    this.page += delta;
    this.load();
  }

  async open(activity) {
    this.message = '';
    await this.#run(async () => { this.selected = await this.api.get(`${GROUPS}/${activity.id}`); });
    await this.updateComplete;
    this.renderRoot.querySelector('#group-title')?.focus();
  }

  async #run(call, done = '') {
    this.busy = true;
    this.message = '';
    try {
      await call();
      this.error = null;
      this.message = done;
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
    }
  }

  signUp(activity) {
    // a volunteer sends no one: the API signs up the caller
    this.#run(async () => {
      await this.api.post(`${GROUPS}/${activity.id}/sign-ups`, {});
      if (this.selected?.id === activity.id) this.selected = await this.api.get(`${GROUPS}/${activity.id}`);
    }, t('care.groups.signed-up', { title: activity.title }));
  }

  create(event) {
    event.preventDefault();
    const formElement = event.target;
    const form = new FormData(formElement);
    const body = {
      title: form.get('title'), place: form.get('place'), region: form.get('region'),
      startsAt: instantOf(form.get('startsAt')), capacity: Number(form.get('capacity')),
    };
    this.#run(async () => {
      await this.api.post(GROUPS, body);
      formElement.reset();
      this.page = 0;
      await this.load();
    }, t('care.groups.created', { title: body.title }));
  }

  attendance(event) {
    event.preventDefault();
    const attendedSignUpIds = new FormData(event.target).getAll('attended');
    const activity = this.selected;
    this.#run(async () => {
      this.selected = await this.api.post(`${GROUPS}/${activity.id}/attendance`, { attendedSignUpIds });
    }, t('care.groups.attendance-done', { count: formatNumber(attendedSignUpIds.length), title: activity.title }));
  }

  render() {
    return html`
      <h1 tabindex="-1">${t('care.groups.title')}</h1>
      <p class="lead">${t(this.coordinator ? 'care.groups.lead.coordinator' : 'care.groups.lead.volunteer')}</p>
      <div class="bar">
        <button @click=${() => this.load()} ?disabled=${this.busy}>${t('common.refresh')}</button>
        <span class="grow"></span>
        <span role="status" class="status">${this.message}</span>
      </div>
      <problem-alert .error=${this.error}></problem-alert>
      ${this.view ? this.#table() : html`<p aria-busy="true">${t('app.loading')}</p>`}
      ${this.selected ? this.#detail(this.selected) : nothing}
      ${this.coordinator ? this.#createForm() : nothing}`;
  }

  #table() {
    const { items, page, size, total } = this.view;
    if (total === 0) return html`<p class="empty">${t('care.groups.empty')}</p>`;
    const to = page * size + items.length;
    return html`
      <div class="scroll" tabindex="0" role="region" aria-label=${t('care.groups.caption')}><table class="groups">
        <caption>${t('care.groups.caption')}</caption>
        <thead><tr>
          <th scope="col">${t('care.groups.col.title')}</th>
          <th scope="col">${t('care.groups.col.starts')}</th>
          <th scope="col">${t('care.groups.col.place')}</th>
          <th scope="col">${t('care.groups.col.capacity')}</th>
          <th scope="col">${t('parked.col.actions')}</th>
        </tr></thead>
        <tbody>${items.map(g => html`
          <tr data-id=${g.id} aria-current=${this.selected?.id === g.id ? 'true' : 'false'}>
            <th scope="row">${g.title}</th>
            <td><time datetime=${g.startsAt}>${formatTime(g.startsAt)}</time></td>
            <td>${g.place}<span class="sub">${g.region}</span></td>
            <td>${formatNumber(g.capacity)}</td>
            <td>
              <button @click=${() => this.open(g)} ?disabled=${this.busy}
                aria-label=${t('care.open.label', { name: g.title })}>${t('care.open')}</button>
              ${!this.coordinator && !g.attendanceRecordedAt ? html`<button class="primary" ?disabled=${this.busy}
                @click=${() => this.signUp(g)} aria-label=${t('care.groups.sign-up.label', { title: g.title })}>
                ${t('care.groups.sign-up')}</button>` : nothing}
            </td>
          </tr>`)}
        </tbody>
      </table></div>
      <nav class="bar" aria-label=${t('page.label')}>
        <button ?disabled=${page === 0 || this.busy} @click=${() => this.turn(-1)}>${t('page.prev')}</button>
        <span>${t('page.summary', { from: formatNumber(page * size + 1), to: formatNumber(to), total: formatNumber(total) })}</span>
        <button ?disabled=${to >= total || this.busy} @click=${() => this.turn(1)}>${t('page.next')}</button>
      </nav>`;
  }

  #detail(g) {
    const signUps = g.signUps ?? [];
    const recorded = Boolean(g.attendanceRecordedAt);
    return html`<section class="detail group" aria-labelledby="group-title">
      <h2 id="group-title" tabindex="-1">${g.title}</h2>
      <p>${t('care.groups.places', { taken: formatNumber(signUps.length), capacity: formatNumber(g.capacity) })}
        ${recorded ? html` · ${t('care.groups.recorded')} <time datetime=${g.attendanceRecordedAt}>${formatTime(g.attendanceRecordedAt)}</time>` : nothing}</p>
      ${signUps.length === 0 ? html`<p class="empty">${t('care.groups.no-sign-ups')}</p>` : html`
      <form @submit=${this.attendance}>
        <table class="sign-ups">
          <caption>${t('care.groups.sign-ups', { title: g.title })}</caption>
          <thead><tr>
            <th scope="col">${t('care.groups.col.who')}</th>
            <th scope="col">${t('care.groups.col.signed')}</th>
            <th scope="col">${t('care.groups.col.attended')}</th>
          </tr></thead>
          <tbody>${signUps.map(s => html`<tr data-id=${s.id}>
            <th scope="row">${s.volunteerId
              ? t('care.groups.volunteer', { id: shortId(s.volunteerId) }) : t('care.groups.beneficiary', { id: shortId(s.beneficiaryId) })}</th>
            <td><time datetime=${s.signedUpAt}>${formatTime(s.signedUpAt)}</time></td>
            <td>${this.coordinator && !recorded
              ? html`<input type="checkbox" name="attended" value=${s.id} aria-label=${t('care.groups.attended.label', { id: shortId(s.id) })}>`
              : t(s.attended == null ? 'care.groups.unknown' : s.attended ? 'care.groups.yes' : 'care.groups.no')}</td>
          </tr>`)}</tbody>
        </table>
        ${this.coordinator && !recorded ? html`<p><button class="primary" ?disabled=${this.busy}>${t('care.groups.record')}</button></p>` : nothing}
      </form>`}
    </section>`;
  }

  #createForm() {
    return html`<section class="detail new-group" aria-labelledby="new-group-title">
      <h2 id="new-group-title">${t('care.groups.new')}</h2>
      <form class="stack" @submit=${this.create}>
        <label>${t('care.groups.col.title')} <input name="title" required maxlength="200"></label>
        <label>${t('care.groups.col.place')} <input name="place" required maxlength="200"></label>
        <label>${t('care.col.region')} <input name="region" required pattern="[a-z0-9-]{1,64}"></label>
        <label>${t('care.groups.col.starts')} <input name="startsAt" type="datetime-local" required></label>
        <label>${t('care.groups.col.capacity')} <input name="capacity" type="number" min="1" max="1000" required value="20"></label>
        <div><button class="primary" ?disabled=${this.busy}>${t('care.groups.create')}</button></div>
      </form>
    </section>`;
  }
}
customElements.define('care-groups', CareGroups);
