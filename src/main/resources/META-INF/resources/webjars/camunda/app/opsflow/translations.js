// Every page of a webapp waits for its language file. Some of Camunda's views translate their
// labels once, when they are first shown ($translate.instant: Tasklist's sorting and "Filter
// Tasks" box, the searches of Cockpit and Admin); shown before the file had arrived (a first
// visit, a slow network), they kept the keys themselves (CREATION_DATE, SEARCH_PLACEHOLDER …)
// for good. Each route now resolves only once the language is ready.
window.angular.module('camunda.common.widgets').config(['$provide', ($provide) => {
  $provide.decorator('$route', ['$delegate', '$translate', ($delegate, $translate) => {
    Object.values($delegate.routes).forEach((route) => {
      route.resolve = Object.assign({}, route.resolve, { opsflowLanguage: () => $translate.onReady() });
    });
    return $delegate;
  }]);
}]);

// Relative times ("in 5 minutes", "a few seconds ago" on Tasklist's cards) follow moment's locale, which the
// language file defines when it arrives: cards drawn before it kept English until their next tick, minutes
// later. Once the language is ready (or changed) they are drawn again.
window.angular.module('camunda.common.widgets').run(['$rootScope', '$translate', '$timeout', '$injector',
  ($rootScope, $translate, $timeout, $injector) => {
    // amMoment sets moment's global locale and tells every relative time to draw itself again
    const redraw = () => $timeout(() => {
      if ($injector.has('amMoment') && $translate.use()) {
        $injector.get('amMoment').changeLocale($translate.use());
      } else {
        $rootScope.$broadcast('amMoment:localeChanged');
      }
    });
    $translate.onReady(redraw);
    $rootScope.$on('$translateChangeSuccess', redraw);
    $translate.onReady(() => {
      if (String($translate.use()).startsWith('zh')) {
        titleInChinese(document.body);
        new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach(titleInChinese)))
          .observe(document.body, { childList: true, subtree: true });
      }
    });
  }]);

// The diagram's zoom buttons carry English titles of their own, outside the language files.
const ZOOM_TITLES = { 'zoom in': '放大', 'zoom out': '缩小', 'reset zoom': '重置缩放' };
function titleInChinese(node) {
  if (node.querySelectorAll) {
    node.querySelectorAll('[title]').forEach((element) => {
      const chinese = ZOOM_TITLES[element.getAttribute('title')];
      if (chinese) {
        element.setAttribute('title', chinese);
      }
    });
  }
}

// Camunda's English texts that present Camunda as the product people use. The Chinese ones are in
// OpsFlow's own zh.json files; the English files are Camunda's, so their texts are replaced as they load.
const ENGLISH = {
  AUTH_LOGOUT_THANKS: 'Thank you for using OpsFlow today. Have a great {{dayContext}}!',
  FIRST_LOGIN_HEADING: 'Welcome to OpsFlow',
  FIRST_LOGIN_INFO: 'It looks like this is your first time here. The <a href="/camunda-welcome">welcome page</a> '
    + 'shows where everything is.'
};

// Camunda's own loader (localeLoader) belongs to the app's module, which is made after this script runs,
// so it cannot be decorated from here: the app's loader is wrapped instead when its config names it.
const LOADER = 'opsflowLocaleLoader';
const widgets = window.angular.module('camunda.common.widgets');
widgets.factory(LOADER, ['$injector', ($injector) => (options) => $injector.get(options.camundaLoader)(options)
  .then((labels) => (options.key === 'en' ? Object.assign({}, labels, ENGLISH) : labels))]);
widgets.config(['$translateProvider', ($translateProvider) => {
  const useLoader = $translateProvider.useLoader;
  $translateProvider.useLoader = function useOpsFlowTexts(name, options) {
    return useLoader.call(this, LOADER, Object.assign({}, options, { camundaLoader: name }));
  };
}]);

export default [];