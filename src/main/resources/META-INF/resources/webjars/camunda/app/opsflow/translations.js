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

export default [];
