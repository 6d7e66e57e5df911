// OpsFlow's configuration of Tasklist (it replaces Camunda's config.js): one custom script that
// sends people to OpsFlow's single sign-in page instead of Tasklist's own login form, and
// Camunda's default keyboard shortcuts, kept as they were. Camunda's options: docs.camunda.org,
// "Tasklist configuration".
export default {
  customScripts: ['../opsflow/sso'],
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
