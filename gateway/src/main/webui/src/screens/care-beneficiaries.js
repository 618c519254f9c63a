import { html, nothing } from 'lit';
import { LocalizedElement, shared } from '../localized.js';
import { formatNumber, formatTime, t } from '../i18n.js';
import { careStyles, BENEFICIARIES } from './care-common.js';
import '../problem-alert.js';

const STATUSES = ['PROPOSED', 'CONSENTED', 'IN_CARE', 'REFUSED', 'ENDED'];
const PAGE_SIZE = 20;
const MATCHES_SIZE = 10;

/**
 * A coordinator's beneficiaries: those proposed after payment, their consent, the volunteers ranked for them with the
 * reasons, the assignment (the API enforces safeguarding and says why it refuses), and the care plan.
 */
export class CareBeneficiaries extends LocalizedElement {
  static properties = {
    api: { attribute: false },
    status: { state: true },
    page: { state: true },
    view: { state: true },
    selected: { state: true },
    matches: { state: true },
    matchesPage: { state: true },
    plan: { state: true },
    error: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  static styles = [shared, careStyles];

  constructor() {
    super();
    this.status = '';
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
      const filter = this.status ? `&status=${this.status}` : '';
      this.view = await this.api.get(`${BENEFICIARIES}?page=${this.page}&size=${PAGE_SIZE}${filter}`);
      this.error = null;
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
    }
  }

  filter(event) {
    this.status = event.target.value;
    this.page = 0;
    this.load();
  }

  turn(delta) {
    this.page += delta;
    this.load();
  }

  async open(person) {
    this.message = '';
    await this.#refresh(person.id);
    await this.updateComplete;
    this.renderRoot.querySelector('#person-title')?.focus();
  }

  /** The selected person again, with what their status allows: matches once consented, the plan once in care. */
  async #refresh(id) {
    this.busy = true;
    try {
      const person = await this.api.get(`${BENEFICIARIES}/${id}`);
      if (this.selected?.id !== id) this.matchesPage = 0;
      this.selected = person;
      this.matches = ['CONSENTED', 'IN_CARE'].includes(person.status)
        ? await this.api.get(`${BENEFICIARIES}/${id}/matches?page=${this.matchesPage}&size=${MATCHES_SIZE}`) : null;
      this.plan = person.status === 'IN_CARE' ? await this.#plan(id) : null;
      this.error = null;
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
    }
  }

  async #plan(id) {
    try {
      return await this.api.get(`${BENEFICIARIES}/${id}/plan`);
    } catch (e) {
      if (e.status === 404) return null; // no plan yet: the form offers one
      throw e;
    }
  }

  async #act(call, done) {
    this.busy = true;
    this.message = '';
    try {
      await call();
      this.error = null;
      this.message = done;
      await this.#refresh(this.selected.id);
      await this.load();
    } catch (e) {
      this.error = e;
      this.busy = false;
    }
  }

  consent(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = { decision: form.get('decision'), givenBy: form.get('givenBy') };
    if (form.get('guardianName')) body.guardianName = form.get('guardianName');
    this.#act(() => this.api.post(`${BENEFICIARIES}/${this.selected.id}/consent`, body),
      t('care.consent.done', { name: this.selected.fullName }));
  }

  assign(match) {
    const body = { volunteerId: match.volunteerId };
    const safeguarding = this.renderRoot.querySelector('#safeguarding')?.value;
    if (safeguarding) body.safeguarding = safeguarding;
    this.#act(() => this.api.post(`${BENEFICIARIES}/${this.selected.id}/assignments`, body),
      t('care.assign.done', { volunteer: match.fullName, name: this.selected.fullName }));
  }

  setPlan(event) {
    event.preventDefault();
    const cadenceDays = Number(new FormData(event.target).get('cadenceDays'));
    this.#act(() => this.api.put(`${BENEFICIARIES}/${this.selected.id}/plan`, { cadenceDays }),
      t('care.plan.done', { days: formatNumber(cadenceDays) }));
  }

  turnMatches(delta) {
    this.matchesPage += delta;
    this.#refresh(this.selected.id);
  }

  render() {
    return html`
      <h1 tabindex="-1">${t('care.beneficiaries.title')}</h1>
      <p class="lead">${t('care.beneficiaries.lead')}</p>
      <div class="bar">
        <label>${t('care.filter.status')}
          <select @change=${this.filter}>
            <option value="" ?selected=${!this.status}>${t('care.filter.all')}</option>
            ${STATUSES.map(s => html`<option value=${s} ?selected=${this.status === s}>${t(`care.status.${s}`)}</option>`)}
          </select></label>
        <button @click=${() => this.load()} ?disabled=${this.busy}>${t('common.refresh')}</button>
        <span class="grow"></span>
        <span role="status" class="status">${this.message}</span>
      </div>
      <problem-alert .error=${this.error}></problem-alert>
      ${this.view ? this.#table() : html`<p aria-busy="true">${t('app.loading')}</p>`}
      ${this.selected ? this.#person(this.selected) : nothing}`;
  }

  #table() {
    const { items, page, size, total } = this.view;
    if (total === 0) return html`<p class="empty">${t('care.beneficiaries.empty')}</p>`;
    const to = page * size + items.length;
    return html`
      <div class="scroll" tabindex="0" role="region" aria-label=${t('care.beneficiaries.caption')}><table class="people">
        <caption>${t('care.beneficiaries.caption')}</caption>
        <thead><tr>
          <th scope="col">${t('care.col.name')}</th>
          <th scope="col">${t('care.col.region')}</th>
          <th scope="col">${t('care.col.language')}</th>
          <th scope="col">${t('care.col.status')}</th>
          <th scope="col">${t('care.col.paid')}</th>
          <th scope="col">${t('care.col.proposed')}</th>
          <th scope="col">${t('parked.col.actions')}</th>
        </tr></thead>
        <tbody>${items.map(b => html`
          <tr data-id=${b.id} aria-current=${this.selected?.id === b.id ? 'true' : 'false'}>
            <th scope="row">${b.fullName ?? t('care.pseudonymised')}${b.minor ? html` <span class="tag">${t('care.minor')}</span>` : nothing}</th>
            <td>${b.region}</td>
            <td>${b.language}</td>
            <td>${t(`care.status.${b.status}`)}</td>
            <td><time datetime=${b.paidAt}>${formatTime(b.paidAt)}</time></td>
            <td><time datetime=${b.proposedAt}>${formatTime(b.proposedAt)}</time></td>
            <td><button @click=${() => this.open(b)} ?disabled=${this.busy}
              aria-label=${t('care.open.label', { name: b.fullName ?? '' })}>${t('care.open')}</button></td>
          </tr>`)}
        </tbody>
      </table></div>
      <nav class="bar" aria-label=${t('page.label')}>
        <button ?disabled=${page === 0 || this.busy} @click=${() => this.turn(-1)}>${t('page.prev')}</button>
        <span>${t('page.summary', { from: formatNumber(page * size + 1), to: formatNumber(to), total: formatNumber(total) })}</span>
        <button ?disabled=${to >= total || this.busy} @click=${() => this.turn(1)}>${t('page.next')}</button>
      </nav>`;
  }

  #person(b) {
    return html`<section class="detail" aria-labelledby="person-title">
      <h2 id="person-title" tabindex="-1">${b.fullName ?? t('care.pseudonymised')}</h2>
      <dl>
        <dt>${t('care.col.status')}</dt><dd class="person-status">${t(`care.status.${b.status}`)}</dd>
        <dt>${t('care.col.region')}</dt><dd>${b.region} · ${b.language}</dd>
        ${b.minor ? html`<dt>${t('care.consent.guardian')}</dt><dd>${b.guardianName ?? '—'}</dd>` : nothing}
        ${b.consentDecision ? html`<dt>${t('care.consent')}</dt>
          <dd>${t(`care.consent.${b.consentDecision}`)} · ${t(`care.givenBy.${b.consentGivenBy}`)}</dd>` : nothing}
        ${b.safeguarding ? html`<dt>${t('care.safeguarding')}</dt><dd>${t(`care.safeguarding.${b.safeguarding}`)}</dd>` : nothing}
        ${b.careStartedAt ? html`<dt>${t('care.started')}</dt>
          <dd><time datetime=${b.careStartedAt}>${formatTime(b.careStartedAt)}</time></dd>` : nothing}
      </dl>
      ${b.status === 'PROPOSED' ? this.#consentForm(b) : nothing}
      ${this.matches ? this.#matches(b) : nothing}
      ${b.status === 'IN_CARE' ? this.#planSection() : nothing}
    </section>`;
  }

  #consentForm(b) {
    return html`<form class="inline" @submit=${this.consent} aria-labelledby="consent-title">
      <h3 id="consent-title">${t('care.consent.title')}</h3>
      <label>${t('care.consent')}
        <select name="decision">${['GIVEN', 'REFUSED'].map(d => html`<option value=${d}>${t(`care.consent.${d}`)}</option>`)}</select></label>
      <label>${t('care.consent.givenBy')}
        <select name="givenBy">${['BENEFICIARY', 'GUARDIAN'].map(g => html`<option value=${g}
          ?selected=${b.minor === (g === 'GUARDIAN')}>${t(`care.givenBy.${g}`)}</option>`)}</select></label>
      <label>${t('care.consent.guardian')} <input name="guardianName" maxlength="200" .value=${b.guardianName ?? ''}></label>
      <button class="primary" ?disabled=${this.busy}>${t('care.consent.record')}</button>
    </form>`;
  }

  #matches(b) {
    const { items, page, size, total } = this.matches;
    const to = page * size + items.length;
    return html`
      <h3>${t('care.matches.title')}</h3>
      ${b.minor && b.status === 'CONSENTED' ? html`<p><label>${t('care.safeguarding')}
        <select id="safeguarding">
          <option value="">${t('care.safeguarding.none')}</option>
          ${['TWO_VOLUNTEERS', 'GUARDIAN_PRESENT'].map(s => html`<option value=${s}>${t(`care.safeguarding.${s}`)}</option>`)}
        </select></label></p>` : nothing}
      <div class="scroll" tabindex="0" role="region" aria-label=${t('care.matches.caption', { name: b.fullName })}><table class="matches">
        <caption>${t('care.matches.caption', { name: b.fullName })}</caption>
        <thead><tr>
          <th scope="col">${t('care.col.volunteer')}</th>
          <th scope="col">${t('care.col.score')}</th>
          <th scope="col">${t('care.col.reasons')}</th>
          <th scope="col">${t('care.col.load')}</th>
          <th scope="col">${t('parked.col.actions')}</th>
        </tr></thead>
        <tbody>${items.map(m => html`
          <tr data-volunteer=${m.volunteerId} class=${m.blockedReason ? 'blocked' : ''}>
            <th scope="row">${m.fullName}<span class="sub">${m.region}</span></th>
            <td>${formatNumber(m.score)}</td>
            <td><ul class="reasons">${m.reasons.map(r => html`<li>${r}</li>`)}</ul>
              ${m.blockedReason ? html`<p class="blocked-reason">${t('care.blocked', { reason: m.blockedReason })}</p>` : nothing}</td>
            <td>${t('care.load', { load: formatNumber(m.caresFor), capacity: formatNumber(m.capacity) })}</td>
            <td><button class="primary" ?disabled=${this.busy} @click=${() => this.assign(m)}
              aria-label=${t('care.assign.label', { volunteer: m.fullName })}>${t('care.assign')}</button></td>
          </tr>`)}
        </tbody>
      </table></div>
      <nav class="bar" aria-label=${t('care.matches.pages')}>
        <button ?disabled=${page === 0 || this.busy} @click=${() => this.turnMatches(-1)}>${t('page.prev')}</button>
        <span>${t('page.summary', { from: formatNumber(page * size + 1), to: formatNumber(to), total: formatNumber(total) })}</span>
        <button ?disabled=${to >= total || this.busy} @click=${() => this.turnMatches(1)}>${t('page.next')}</button>
      </nav>`;
  }

  #planSection() {
    const p = this.plan;
    return html`
      <h3>${t('care.plan.title')}</h3>
      ${p ? html`<p class="plan">${t('care.plan.cadence', { days: formatNumber(p.cadenceDays) })} ·
          ${t('care.plan.next')} <time datetime=${p.nextDueAt}>${formatTime(p.nextDueAt)}</time>
          ${new Date(p.nextDueAt) < new Date() ? html`<strong class="overdue">${t('care.plan.overdue')}</strong>` : nothing}</p>`
        : html`<p>${t('care.plan.none')}</p>`}
      <form class="inline" @submit=${this.setPlan}>
        <label>${t('care.plan.days')} <input name="cadenceDays" type="number" min="1" max="92" required
          .value=${String(p?.cadenceDays ?? 7)}></label>
        <button ?disabled=${this.busy}>${t('care.plan.set')}</button>
      </form>`;
  }
}
customElements.define('care-beneficiaries', CareBeneficiaries);
