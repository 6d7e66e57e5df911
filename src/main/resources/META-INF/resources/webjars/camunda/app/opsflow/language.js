// The webapps speak English or Chinese. Without a choice the browser's language decides: Camunda
// takes the first part of the browser's first language (zh-CN → zh) and falls back to English.
// People choose another language in the user menu; the choice is a cookie, so OpsFlow's sign-in
// page (/login) speaks the same language. Camunda has no language switch of its own.
const COOKIE = 'opsflow-language';
const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh', label: '中文' }
];
const appRoot = document.querySelector('base').getAttribute('app-root');
const contextPath = appRoot.replace(/\/camunda\/?$/, '');

function chosen() {
  const match = document.cookie.match(new RegExp('(?:^|;\\s*)' + COOKIE + '=([^;]+)'));
  return match && LANGUAGES.some((language) => language.code === match[1]) ? match[1] : null;
}

const choice = chosen();
if (choice) {
  // Camunda asks for the browser's languages when the app starts, which is after this script runs.
  Object.defineProperty(window.navigator, 'languages', { get: () => [choice] });
}

/** The language the webapp speaks: 'en' or 'zh'. */
export function current() {
  const first = (window.navigator.languages || [])[0] || window.navigator.language || '';
  const code = first.split('-')[0].toLowerCase();
  return LANGUAGES.some((language) => language.code === code) ? code : 'en';
}

function choose(code) {
  document.cookie = `${COOKIE}=${code}; path=${contextPath || '/'}; max-age=31536000; SameSite=Lax`;
  window.location.reload();
}

function item(language) {
  const li = document.createElement('li');
  li.className = 'opsflow-language';
  const link = document.createElement('a');
  link.href = '';
  link.lang = language.code;
  link.textContent = (language.code === current() ? '✓ ' : '') + language.label;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    choose(language.code);
  });
  li.appendChild(link);
  return li;
}

// The user menu appears once someone is signed in, and again whenever Angular re-renders it.
function addToUserMenu() {
  const menu = document.querySelector('li.account ul.dropdown-menu');
  if (!menu || menu.querySelector('.opsflow-language')) {
    return;
  }
  const logout = menu.querySelector('li.logout');
  const divider = document.createElement('li');
  divider.className = 'divider opsflow-language';
  LANGUAGES.map(item).concat(divider).forEach((li) => menu.insertBefore(li, logout));
}

new MutationObserver(addToUserMenu).observe(document.documentElement, { childList: true, subtree: true });

export default [];
