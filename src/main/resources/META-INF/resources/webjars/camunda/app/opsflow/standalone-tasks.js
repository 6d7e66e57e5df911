// OpsFlow runs the engine with standalone tasks off (camunda.bpm.generic-properties:
// standalone-tasks-enabled: false), so Tasklist's "Create task" could only fail. It is not offered.
window.angular.module('camunda.common.widgets').config(['$provide', ($provide) => {
  $provide.decorator('Views', ['$delegate', ($delegate) => {
    const getProviders = $delegate.getProviders;
    $delegate.getProviders = function (options) {
      const providers = getProviders.call(this, options);
      return options && options.component === 'tasklist.navbar.action'
        ? providers.filter((provider) => provider.id !== 'create-task-action')
        : providers;
    };
    return $delegate;
  }]);
}]);

export default [];
