import { html, nothing } from 'lit';
import { shared } from '../localized.js';
import { formatNumber, formatTime, t } from '../i18n.js';
import { ListScreen, pager, screenStyles, tableRegion } from '../screen.js';
import { GROUPS, instantOf } from './care-common.js';

const PAGE_SIZE = 20;
const shortId = id => id.slice(0, 8);

/**
 * Group activities. A coordinator plans them, sees the sign-ups and records who came; a volunteer signs up for one.
 * What each may do is the API's rule too.
 */
export class CareGroups extends ListScreen {
  static properties = {
    coordinator: { type: Boolean },
    selected: { state: true },
  };

  static styles = [shared, screenStyles];

  listPath() {
    return `${GROUPS}?${this.pageQuery(PAGE_SIZE)}`;
  }

  async open(activity) {
    await this.run(async () => { this.selected = await this.api.get(`${GROUPS}/${activity.id}`); });
    this.focus('#group-title');
  }

  signUp(activity) {
    // a volunteer sends no one: the API signs up the caller
    this.run(async () => {
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
    this.run(async () => {
      await this.api.post(GROUPS, body);
      formElement.reset();
      this.page = 0;
      await this.fetchList();
    }, t('care.groups.created', { title: body.title }));
  }

  attendance(event) {
    event.preventDefault();
    const attendedSignUpIds = new FormData(event.target).getAll('attended');
    const activity = this.selected;
    this.run(async () => {
      this.selected = await this.api.post(`${GROUPS}/${activity.id}/attendance`, { attendedSignUpIds });
    }, t('care.groups.attendance-done', { count: formatNumber(attendedSignUpIds.length), title: activity.title }));
  }

  render() {
    return html`
      ${this.top(t('care.groups.title'), t(this.coordinator ? 'care.groups.lead.coordinator' : 'care.groups.lead.volunteer'),
        () => this.load())}
      ${this.view ? this.#table() : html`<p aria-busy="true">${t('app.loading')}</p>`}
      ${this.selected ? this.#detail(this.selected) : nothing}
      ${this.coordinator ? this.#createForm() : nothing}`;
  }

  #table() {
    const { items, total } = this.view;
    if (total === 0) return html`<p class="empty">${t('care.groups.empty')}</p>`;
    const head = [t('care.groups.col.title'), t('care.groups.col.starts'), t('care.groups.col.place'),
      t('care.groups.col.capacity'), t('parked.col.actions')];
    return html`
      ${tableRegion(t('care.groups.caption'), 'groups', head, items.map(g => html`
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
          </tr>`))}
      ${pager(this.view, d => this.turn(d), this.busy)}`;
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
