// OpsFlow's configuration of Tasklist (it replaces Camunda's config.js): custom scripts that send
// people to OpsFlow's single sign-in page instead of Tasklist's own login form and offer English
// and Chinese in the user menu, the locales, and Camunda's default keyboard shortcuts, kept as they
// were. Camunda's options: docs.camunda.org, "Tasklist configuration".
export default {
  // OpsFlow's name in the header and the title (../opsflow/brand says it in the person's language)
  app: { vendor: 'OpsFlow', name: 'Tasklist' },
  // ../opsflow/brand loads ../opsflow/language
  customScripts: ['../opsflow/sso', '../opsflow/brand', '../opsflow/translations', '../opsflow/standalone-tasks', '../opsflow/form-texts'],
  // Camunda picks the locale from the first part of the browser's first language (zh-CN → zh);
  // ../opsflow/language lets people choose another one in the user menu.
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
