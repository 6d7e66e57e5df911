// OpsFlow signs people in once, at /login, for all webapps. When a webapp shows its own login
// form (after signing out, or when the session has expired), go to OpsFlow's sign-in page instead;
// it brings the person back to the webapp afterwards.
const appRoot = document.querySelector('base').getAttribute('app-root');
const contextPath = appRoot.replace(/\/camunda\/?$/, '');

function toOpsFlowSignIn() {
  if (/^#\/login/.test(window.location.hash)) {
    window.location.replace(contextPath + '/login');
  }
}

window.addEventListener('hashchange', toOpsFlowSignIn);
toOpsFlowSignIn();

export default [];
