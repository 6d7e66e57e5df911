// OpsFlow's configuration of this Camunda webapp (it replaces Camunda's config.js, whose settings
// are all commented out): custom scripts that send people to OpsFlow's single sign-in page instead
// of the webapp's own login form and offer English and Chinese in the user menu, and the locales.
// Camunda's options: docs.camunda.org, "Webapps configuration".
export default {
  // OpsFlow's name in the header and the title (../opsflow/brand says it in the person's language)
  app: { vendor: 'OpsFlow', name: 'Cockpit' },
  // ../opsflow/brand loads ../opsflow/language; ../opsflow/report-link links an incident's, change's,
  // retrospective's or emergency activation's instance page to its OpsFlow report
  customScripts: ['../opsflow/sso', '../opsflow/brand', '../opsflow/translations', '../opsflow/report-link'],
  // Camunda picks the locale from the first part of the browser's first language (zh-CN → zh);
  // ../opsflow/language lets people choose another one in the user menu.
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
};
