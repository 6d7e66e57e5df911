// OpsFlow's configuration of this Camunda webapp (it replaces Camunda's config.js, whose settings
// are all commented out): one custom script that sends people to OpsFlow's single sign-in page
// instead of the webapp's own login form. Camunda's options: docs.camunda.org, "Webapps configuration".
export default {
  customScripts: ['../opsflow/sso'],
};
