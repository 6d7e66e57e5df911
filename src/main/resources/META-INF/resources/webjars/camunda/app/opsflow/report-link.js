// Cockpit plugin: on the page of a process instance that has an OpsFlow report (an incident, a change,
// a retrospective, an emergency plan's activation), a report button in the instance's actions opens
// that report — the styled page, read with the same sign-in. Other processes get no button.
import { current } from './language.js';

const contextPath = document.querySelector('base').getAttribute('app-root').replace(/\/camunda\/?$/, '');

// process definition key → the report of the instance's business key
const REPORTS = [
  { matches: (key) => key === 'incident-response', path: (businessKey) => `/api/incidents/${businessKey}/report` },
  { matches: (key) => key === 'change-release', path: (businessKey) => `/api/changes/${businessKey}/report` },
  { matches: (key) => key === 'post-launch-retrospective',
    path: (businessKey) => `/api/retrospectives/${businessKey}/report` },
  { matches: (key) => key.startsWith('emergency-plan-'),
    path: (businessKey) => `/api/emergency-plans/activations/${businessKey}/report` }
];

const TEXTS = {
  en: { label: 'Report', title: (businessKey) => `OpsFlow report of ${businessKey}` },
  zh: { label: '报告', title: (businessKey) => `OpsFlow 报告：${businessKey}` }
};

async function read(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return response.json();
}

/** The report's address for a process instance, or null when its process has none. */
async function reportOf(engineApi, processInstanceId) {
  const instance = await read(`${engineApi}/process-instance/${encodeURIComponent(processInstanceId)}`);
  if (!instance.businessKey) {
    return null;
  }
  const definition = await read(`${engineApi}/process-definition/${encodeURIComponent(instance.definitionId)}`);
  const report = REPORTS.find((candidate) => candidate.matches(definition.key));
  return report ? { businessKey: instance.businessKey, href: contextPath + report.path(encodeURIComponent(instance.businessKey)) }
    : null;
}

export default [{
  id: 'opsflow.processInstance.report',
  pluginPoint: 'cockpit.processInstance.runtime.action',
  priority: 20,
  render: (node, { api, processInstanceId }) => {
    reportOf(api.engineApi, processInstanceId).then((report) => {
      if (!report) {
        return;
      }
      const texts = TEXTS[current()] || TEXTS.en;
      const link = document.createElement('a');
      link.className = 'btn btn-default action-button opsflow-report-link';
      link.href = report.href;
      link.target = '_blank';
      link.rel = 'noopener';
      // an icon like Camunda's other actions (their column is narrow); the words in its tooltip
      link.title = texts.title(report.businessKey);
      link.setAttribute('aria-label', texts.label);
      const icon = document.createElement('span');
      icon.className = 'glyphicon glyphicon-file';
      link.appendChild(icon);
      node.appendChild(link);
    }).catch(() => {
      // no button when the instance or its definition cannot be read (ended meanwhile, no permission)
    });
  }
}];
