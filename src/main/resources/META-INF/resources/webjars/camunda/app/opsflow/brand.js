// OpsFlow's name and logo in the header and title of every webapp, in the person's language, and no
// Camunda 7 CE end-of-life banner. Camunda's header widget (camWidgetHeader) names the app
// "<app.vendor> <app.name>" from config.js, draws Camunda's logo and, in every community edition
// webapp, the banner (ng-if="isCommunityEdition", always true in 7.24). Its controller is wrapped
// here with AngularJS's own decorator, so the banner is never rendered; brand.css takes the 20 px
// the layout kept for it back.
import { current } from './language.js';

const APP_NAMES = {
  tasklist: { en: 'Tasklist', zh: '任务列表' },
  cockpit: { en: 'Cockpit', zh: '驾驶舱' },
  admin: { en: 'Admin', zh: '管理台' },
  welcome: { en: 'Welcome', zh: '欢迎' }
};
const VENDOR = 'OpsFlow';
const base = document.querySelector('base');
const logoUrl = base.getAttribute('app-root') + '/app/opsflow/logo.svg';

function appName(app) {
  return (APP_NAMES[app] || {})[current()] || (APP_NAMES[app] || {}).en || '';
}

function brandName(app) {
  return app === 'welcome' ? VENDOR : `${VENDOR} ${appName(app)}`;
}

// Before the app starts, so Cockpit's and Admin's page titles ("<title> | <page>") start with it.
document.title = brandName(base.getAttribute('app-name'));

window.angular.module('camunda.common.widgets').config(['$provide', ($provide) => {
  $provide.decorator('camWidgetHeaderDirective', ['$delegate', ($delegate) => {
    $delegate.forEach((directive) => {
      const injected = directive.controller.slice(0, -1);
      const controller = directive.controller[directive.controller.length - 1];
      directive.controller = injected.concat('$sce', function brandedHeader(...args) {
        const $sce = args.pop();
        const $scope = args[0];
        controller.apply(this, args);
        $scope.isCommunityEdition = false;
        $scope.logo = $sce.trustAsHtml(`<img src="${logoUrl}" alt="">`);
        const updateNames = () => {
          $scope.brandName = brandName($scope.currentApp);
          if (!document.title.includes(' | ')) {
            document.title = $scope.brandName;
          }
          Object.keys($scope.apps || {}).forEach((app) => { $scope.apps[app].label = appName(app); });
        };
        $scope.$watchGroup(['currentApp', 'apps'], updateNames);
      });
    });
    return $delegate;
  }]);
}]);

// The footer: the time zone as Camunda shows it, then OpsFlow's name and the credit to the platform it is
// built on (Camunda's footer says "Powered by Camunda Platform"). Camunda 7 CE is under the Apache
// License 2.0, whose notices are in NOTICE.md; the credit here is a courtesy to the people who use it.
const CREDIT = {
  en: (platform) => `OpsFlow, built on ${platform}`,
  zh: (platform) => `OpsFlow，基于 ${platform} 构建`
};

function footer() {
  const platform = '<a href="https://github.com/camunda/camunda-bpm-platform" target="_blank" rel="noopener">'
    + 'Camunda 7 CE</a> <span class="version">{{version}}</span>';
  return `<div class="container-fluid">
  <div class="row">
    <div id="footer-timezone" class="col-xs-6">
      {{ 'CAM_WIDGET_FOOTER_TIMEZONE' | translate }} <i>{{timezoneName}}</i>
    </div>
    <div class="col-xs-6 opsflow-credit">${(CREDIT[current()] || CREDIT.en)(platform)}</div>
  </div>
</div>`;
}

window.angular.module('camunda.common.widgets').config(['$provide', ($provide) => {
  $provide.decorator('camWidgetFooterDirective', ['$delegate', ($delegate) => {
    $delegate.forEach((directive) => {
      directive.template = footer();
    });
    return $delegate;
  }]);
}]);

export default [];
