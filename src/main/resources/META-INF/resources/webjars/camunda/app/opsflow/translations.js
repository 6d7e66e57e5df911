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