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
        inChinese(document.body);
        new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach(inChinese)))
          .observe(document.body, { childList: true, subtree: true });
      }
    });
  }]);

// Texts Camunda's widgets write themselves, outside the language files: the diagram's zoom buttons, the
// decision table's headings (dmn-js, which Cockpit gives no translations) and the variables table's column
// of actions. The models' own texts (names, labels, annotations) come translated with the models.
const TITLES = {
  'zoom in': '放大',
  'zoom out': '缩小',
  'reset zoom': '重置缩放',
  'No overlap is possible and all rules are disjoint. Only a single rule can be matched': '规则互不重叠，只会有一条规则命中',
  'Rules may overlap. The first matching rule will be chosen': '规则可以重叠，取第一条命中的规则',
  'Rules may overlap. The one with the highest priority will be chosen': '规则可以重叠，取优先级最高的一条',
  'Rules may overlap. Their output have to match': '规则可以重叠，命中规则的输出必须相同',
  'Collects the values of all matching rules': '收集所有命中规则的值',
  'Input values': '输入值',
  'Input type': '输入类型',
  'Output values': '输出值',
  'Output type': '输出类型',
  'Output label': '输出标签',
  'Output name': '输出名称'
};
const TITLE_PREFIXES = {
  'Decision name: ': '决策名称：',
  'Input label: ': '输入标签：',
  'Input expression: ': '输入表达式：',
  'Output label: ': '输出标签：',
  'Output name: ': '输出名称：'
};
const HIT_POLICIES = {
  Unique: '唯一', First: '首个', Priority: '优先级', Any: '任意', Collect: '收集', 'Collect (Sum)': '收集（求和）',
  'Collect (Min)': '收集（最小值）', 'Collect (Max)': '收集（最大值）', 'Collect (Count)': '收集（计数）',
  'Rule order': '规则顺序', 'Output order': '输出顺序'
};
const TEXTS = [
  ['.tjs-container .clause', { When: '当', And: '且', Then: '则' }],
  ['.tjs-container .hit-policy .dms-label', { 'Hit policy:': '命中策略：' }],
  ['.tjs-container .hit-policy-value', HIT_POLICIES],
  ['.tjs-container th.annotation', { Annotations: '注释' }],
  ['thead td.actions', { Actions: '操作' }]
];
function inChinese(node) {
  if (!node.querySelectorAll) {
    return;
  }
  node.querySelectorAll('[title]').forEach((element) => {
    const title = element.getAttribute('title');
    const prefix = Object.keys(TITLE_PREFIXES).find((english) => title.startsWith(english));
    if (TITLES[title]) {
      element.setAttribute('title', TITLES[title]);
    } else if (prefix) {
      element.setAttribute('title', TITLE_PREFIXES[prefix] + title.substring(prefix.length));
    }
  });
  TEXTS.forEach(([selector, chinese]) => [node, ...node.querySelectorAll(selector)]
    .filter((element) => element.matches && element.matches(selector))
    .forEach((element) => element.childNodes.forEach((text) => {
      const translated = text.nodeType === Node.TEXT_NODE && chinese[text.nodeValue.trim()];
      if (translated) {
        text.nodeValue = translated;
      }
    })));
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