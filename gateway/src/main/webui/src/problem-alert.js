import { html, css, nothing } from 'lit';
import { LocalizedElement, shared } from './localized.js';
import { t } from './i18n.js';

/** Shows an ApiError: the problem's title and detail as the server wrote them, each wrong field, the request id. */
export class ProblemAlert extends LocalizedElement {
  static properties = { error: { attribute: false } };

  static styles = [shared, css`
    div { border: 1px solid var(--danger); border-left-width: 6px; padding: 0.6rem 0.9rem; margin: 0.8rem 0;
          background: #fff5f4; }
    strong { color: var(--danger); }
    p { margin: 0.2rem 0; }
    .meta { color: var(--muted); font-size: 0.85rem; }
  `];

  render() {
    if (!this.error) return nothing;
    const { status, problem } = this.error;
    if (status === 0) {
      return html`<div role="alert"><strong>${t('error.title')}</strong><p>${t('error.network')}</p></div>`;
    }
    return html`<div role="alert">
      <strong>${problem.title ?? t('error.title')}</strong>
      ${problem.detail ? html`<p class="detail">${problem.detail}</p>` : nothing}
      ${(problem.errors ?? []).map(e => html`<p>${t('error.field', { field: e.field, message: e.message })}</p>`)}
      <p class="meta">${t('error.status', { status })}${problem.requestId
        ? html` · ${t('error.request-id', { id: problem.requestId })}` : nothing}</p>
    </div>`;
  }
}
customElements.define('problem-alert', ProblemAlert);
