import { t } from './i18n.js';

export const AGENT = 'agent';
export const SUPERVISOR = 'supervisor';
export const MANAGER = 'manager';

/**
 * The console's screens and who may see each: the navigation shows a staff member only the screens their realm
 * roles allow (the API checks the roles again on every call). Screens of other roles join this list as their
 * services' staff APIs land.
 */
export function screens(config) {
  return [
    // ---- complaints (the complaint service's staff API)
    {
      path: 'complaints/queue',
      group: 'nav.complaints',
      roles: [AGENT, SUPERVISOR, MANAGER],
      label: () => t('nav.complaints.queue'),
      render: ({ api, identity }, html) => html`<complaint-queue .api=${api} .identity=${identity}></complaint-queue>`,
    },
    {
      path: 'complaints/new',
      group: 'nav.complaints',
      roles: [AGENT, SUPERVISOR],
      label: () => t('nav.complaints.new'),
      render: ({ api }, html) => html`<complaint-new .api=${api}></complaint-new>`,
    },
    {
      // reached from the queue, not from the navigation
      pattern: /^complaints\/([0-9a-f-]{36})$/,
      roles: [AGENT, SUPERVISOR, MANAGER],
      render: ({ api, identity, params: [id] }, html) => html`<complaint-page .api=${api} .identity=${identity}
        complaint-id=${id}></complaint-page>`,
    },
    {
      path: 'complaints/sla',
      group: 'nav.complaints',
      roles: [SUPERVISOR, MANAGER],
      label: () => t('nav.complaints.sla'),
      render: ({ api }, html) => html`<complaint-sla .api=${api}></complaint-sla>`,
    },
    {
      path: 'complaints/sla-report',
      group: 'nav.complaints',
      roles: [SUPERVISOR, MANAGER],
      label: () => t('nav.complaints.sla-report'),
      render: ({ api, identity }, html) => html`<complaint-sla-report .api=${api} .identity=${identity}></complaint-sla-report>`,
    },
    {
      path: 'complaints/incidents',
      group: 'nav.complaints',
      roles: [SUPERVISOR, MANAGER],
      label: () => t('nav.complaints.incidents'),
      render: ({ api }, html) => html`<complaint-incidents .api=${api}></complaint-incidents>`,
    },
    {
      path: 'complaints/draw',
      group: 'nav.complaints',
      roles: [SUPERVISOR, MANAGER],
      label: () => t('nav.complaints.draw'),
      render: ({ api }, html) => html`<complaint-draw .api=${api}></complaint-draw>`,
    },
    ...config.outboxServices.map(service => ({
      path: `parked/${service}`,
      group: 'nav.operations',
      roles: ['admin'],
      label: () => t('nav.parked', { service: t(`service.${service}`) }),
      render: ({ api }, html) => html`<parked-events .api=${api} service=${service}></parked-events>`,
    })),
    // ---- customers (the customer service's staff API)
    {
      path: 'customers',
      group: 'nav.customers',
      roles: [AGENT, SUPERVISOR, 'admin'],
      label: () => t('nav.customers.search'),
      render: ({ api }, html) => html`<customer-search .api=${api}></customer-search>`,
    },
    {
      // reached from the search, not from the navigation
      pattern: /^customers\/([A-Za-z0-9-]{1,32})$/,
      roles: [AGENT, SUPERVISOR, 'admin'],
      render: ({ api, identity, params: [id] }, html) => html`<customer-page .api=${api} .identity=${identity}
        customer-id=${id}></customer-page>`,
    },
    {
      path: 'care/beneficiaries',
      group: 'nav.care',
      roles: ['coordinator'],
      label: () => t('nav.care.beneficiaries'),
      render: ({ api }, html) => html`<care-beneficiaries .api=${api}></care-beneficiaries>`,
    },
    {
      path: 'care/people',
      group: 'nav.care',
      roles: ['volunteer'],
      label: () => t('nav.care.people'),
      render: ({ api }, html) => html`<care-people .api=${api}></care-people>`,
    },
    {
      path: 'care/groups',
      group: 'nav.care',
      roles: ['coordinator', 'volunteer'],
      label: () => t('nav.care.groups'),
      render: ({ api, identity }, html) => html`<care-groups .api=${api}
        ?coordinator=${identity.roles.includes('coordinator')}></care-groups>`,
    },
    {
      path: 'care/statistics',
      group: 'nav.care',
      roles: ['coordinator'],
      label: () => t('nav.care.statistics'),
      render: ({ api }, html) => html`<care-statistics .api=${api}></care-statistics>`,
    },
    {
      path: 'whoami',
      group: 'nav.account',
      roles: [], // every signed-in staff member
      label: () => t('nav.whoami'),
      render: ({ identity }, html) => html`<who-am-i .identity=${identity}></who-am-i>`,
    },
  ];
}

export const allowed = (screen, roles) => screen.roles.length === 0 || screen.roles.some(r => roles.includes(r));
