import { t } from './i18n.js';

/**
 * The console's screens and who may see each: the navigation shows a staff member only the screens their realm
 * roles allow (the API checks the roles again on every call). Screens of other roles join this list as their
 * services' staff APIs land.
 */
export function screens(config) {
  return [
    ...config.outboxServices.map(service => ({
      path: `parked/${service}`,
      group: 'nav.operations',
      roles: ['admin'],
      label: () => t('nav.parked', { service: t(`service.${service}`) }),
      render: ({ api }, html) => html`<parked-events .api=${api} service=${service}></parked-events>`,
    })),
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
