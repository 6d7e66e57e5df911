// The managers' dashboard: reads /api/metrics and the work APIs with the sign-in session (GET only)
// and draws the figures with Apache ECharts. English or Chinese: the language chosen in a webapp's
// user menu (cookie opsflow-language), else the browser's, else the installation's (opsflow.language).
// Times on the installation's clock (opsflow.time-zone), as OpsFlow writes them everywhere.
'use strict';

const TEXTS = {
  en: {
    title: 'OpsFlow dashboard', period: 'Period', days30: '30 days', days90: '90 days', days180: '180 days',
    days365: '1 year', service: 'Service', allServices: 'All my services', team: 'Team', allTeams: 'All teams',
    tasklist: 'Tasklist', api: 'API', openApi: 'Open in the API', cockpit: 'Cockpit',
    dora: 'Delivery (DORA)', deploymentFrequency: 'Deployment frequency', changeLeadTime: 'Change lead time',
    changeFailRate: 'Change fail rate', failedDeploymentRecoveryTime: 'Failed deployment recovery time',
    deploymentReworkRate: 'Deployment rework rate', elite: 'elite', high: 'high', medium: 'medium', low: 'low',
    mttx: 'MTTA and MTTR (median)', mtta: 'MTTA', mttr: 'MTTR', p90: 'p90', sla: 'SLA attainment by priority',
    acknowledge: 'Acknowledged in time', resolve: 'Resolved in time', byPriority: 'Incidents by priority',
    openIncidents: 'Open incidents', openWork: 'Open work by group', group: 'Group', open: 'Open',
    overdue: 'Overdue', overdueTasks: 'Overdue tasks in Tasklist', calendar: 'Change calendar',
    freeze: 'Freeze', allOfThem: 'all services', noChanges: 'No upcoming changes or freeze windows',
    freezeHidden: 'Freeze windows are shown to managers', drills: 'Drill compliance',
    drillCompliance: 'Plans drilled in their interval', actions: 'Action items', actionItemsOnTime: 'Closed on time',
    overdueActionItems: 'Overdue action items', retrospectivesCompleted: 'Retrospectives completed',
    retrospectives: 'Retrospectives', sentiment: 'Feedback sentiment', averageScore: 'Average score (−1 … 1)',
    negativeShare: 'Negative share', noFeedback: 'No feedback in this period', none: 'none', count: 'of',
    perDay: '/day', min: 'min', h: 'h', d: 'd', signInAgain: 'Your session has ended: sign in again.',
    failed: 'Could not load', forbidden: 'Not yours to see'
  },
  zh: {
    title: 'OpsFlow 仪表板', period: '时间段', days30: '30 天', days90: '90 天', days180: '180 天', days365: '1 年',
    service: '服务', allServices: '我的全部服务', team: '团队', allTeams: '全部团队', tasklist: '任务列表',
    api: 'API', openApi: '在 API 中打开', cockpit: '驾驶舱', dora: '交付（DORA）',
    deploymentFrequency: '部署频率', changeLeadTime: '变更前置时间', changeFailRate: '变更失败率',
    failedDeploymentRecoveryTime: '失败部署恢复时间', deploymentReworkRate: '部署返工率', elite: '精英',
    high: '高', medium: '中', low: '低', mttx: 'MTTA 与 MTTR（中位数）', mtta: 'MTTA', mttr: 'MTTR',
    p90: 'p90', sla: '各优先级 SLA 达成率', acknowledge: '按时确认', resolve: '按时解决',
    byPriority: '各优先级事件数', openIncidents: '未关闭的事件', openWork: '各组待办工作', group: '组',
    open: '待办', overdue: '已逾期', overdueTasks: '任务列表中的逾期任务', calendar: '变更日历',
    freeze: '冻结', allOfThem: '全部服务', noChanges: '没有即将进行的变更或冻结窗口',
    freezeHidden: '冻结窗口仅对经理显示', drills: '演练合规率', drillCompliance: '按期演练的预案',
    actions: '行动项', actionItemsOnTime: '按期关闭', overdueActionItems: '逾期行动项',
    retrospectivesCompleted: '已完成的复盘', retrospectives: '复盘', sentiment: '反馈情绪趋势',
    averageScore: '平均情绪分（−1 … 1）', negativeShare: '负面占比', noFeedback: '该时间段没有反馈',
    none: '无', count: '共', perDay: '次/天', min: '分钟', h: '小时', d: '天',
    signInAgain: '会话已结束：请重新登录。', failed: '无法加载', forbidden: '无权查看'
  }
};

function chosenLanguage(installation) {
  const cookie = document.cookie.split('; ').find(part => part.startsWith('opsflow-language='));
  const browser = navigator.languages || [navigator.language || ''];
  const wanted = [cookie ? cookie.split('=')[1] : '', ...browser, installation || 'en']
    .map(tag => tag.toLowerCase().split('-')[0]).find(code => code === 'zh' || code === 'en');
  return wanted || 'en';
}

// until the installation's settings are read (api/metrics/choices)
let LANGUAGE = chosenLanguage(null);
let T = TEXTS[LANGUAGE];
let ZONE = 'UTC';
const ROOT = new URL('../', window.location.href);
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];
const DORA = ['deploymentFrequency', 'changeLeadTime', 'changeFailRate', 'failedDeploymentRecoveryTime',
  'deploymentReworkRate'];
const charts = {};

function url(path, params) {
  const target = new URL(path, ROOT);
  Object.entries(params || {}).filter(([, value]) => value !== '' && value != null)
    .forEach(([name, value]) => target.searchParams.set(name, value));
  return target.toString();
}

class Refused extends Error {
  constructor(status, detail) {
    super(detail || String(status));
    this.status = status;
  }
}

async function read(path, params) {
  const response = await fetch(url(path, params), {
    credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  });
  if (response.status === 401) {
    window.location.assign(url('login'));
    throw new Refused(401, T.signInAgain);
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Refused(response.status, problem.detail);
  }
  return response.json();
}

function element(tag, attributes, ...children) {
  const made = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => made.setAttribute(name, value));
  children.filter(child => child != null).forEach(child => made.append(child));
  return made;
}

function duration(seconds) {
  if (seconds < 3600) return (seconds / 60).toFixed(seconds < 600 ? 1 : 0) + ' ' + T.min;
  if (seconds < 172800) return (seconds / 3600).toFixed(1) + ' ' + T.h;
  return (seconds / 86400).toFixed(1) + ' ' + T.d;
}

/** A figure's value as people read it; the exact value stays in data-value. */
function shown(figure) {
  if (!figure || figure.value == null) return T.none;
  switch (figure.unit) {
    case 'seconds': return duration(figure.value);
    case 'ratio': return (figure.value * 100).toFixed(1) + ' %';
    case 'per day': return figure.value.toFixed(2) + ' ' + T.perDay;
    default: return String(figure.value);
  }
}

function figureBox(name, figure) {
  const value = element('div', { class: 'value', id: 'value-' + name, 'data-value': figure && figure.value != null
    ? String(figure.value) : '' }, shown(figure));
  if (figure && figure.band) {
    value.append(element('span', { class: 'band band-' + figure.band, 'data-band': figure.band }, T[figure.band]));
  }
  const extra = [];
  if (figure && figure.p90 != null) extra.push(T.p90 + ' ' + duration(figure.p90));
  if (figure && figure.unit !== 'count') extra.push(T.count + ' ' + figure.count);
  return element('div', { class: 'figure', id: 'figure-' + name }, element('div', { class: 'label' }, T[name] || name),
    value, extra.length ? element('div', { class: 'extra' }, extra.join(' · ')) : null);
}

function fill(id, boxes) {
  document.getElementById(id).replaceChildren(...boxes);
}

function chart(id, option) {
  charts[id] = charts[id] || echarts.init(document.getElementById(id));
  charts[id].setOption(option, true);
}

function failed(id, error) {
  const tile = document.getElementById(id);
  tile.querySelectorAll('.error').forEach(old => old.remove());
  tile.insertBefore(element('p', { class: 'empty error' }, (error.status === 403 ? T.forbidden : T.failed) + ': '
    + error.message), tile.querySelector('.more'));
}

function filters() {
  const days = Number(document.getElementById('period').value);
  const to = new Date();
  const from = new Date(to.getTime() - days * 86400000);
  return {
    from: from.toISOString().replace(/\.\d+Z$/, 'Z'), to: to.toISOString().replace(/\.\d+Z$/, 'Z'),
    interval: days <= 31 ? 'day' : days <= 180 ? 'week' : 'month',
    service: document.getElementById('service').value, team: document.getElementById('team').value
  };
}

function day(instant) {
  return instant.substring(0, 10);
}

/** A time as OpsFlow writes it: "2026-11-28 09:30 UTC+08:00" on the installation's clock, 24-hour. */
function time(instant) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23', timeZoneName: 'longOffset'
  }).formatToParts(new Date(instant)).map(part => [part.type, part.value]));
  // browsers write UTC itself as "GMT" or "GMT+00:00"; OpsFlow writes "UTC"
  const offset = parts.timeZoneName.replace(/^GMT(\+00:00)?$/, 'GMT').replace('GMT', 'UTC');
  return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute + ' ' + offset;
}

/** A shared Tasklist filter's id, whichever language the installation named it in. */
function sharedFilter(filterIds, names) {
  return names.map(name => filterIds[name]).find(id => id);
}

function links(choices, params, filterIds) {
  const tasklist = 'camunda/app/tasklist/default/';
  const overdue = sharedFilter(filterIds, ['Overdue', '已逾期']);
  const targets = {
    delivery: url('api/metrics/delivery', params), incidents: url('api/metrics/incidents', params),
    practice: url('api/metrics/practice', params),
    openIncidents: url('api/incidents', { state: 'open', service: params.service }),
    changes: url('api/changes', { state: 'open', service: params.service }),
    retrospectives: url('api/retrospectives'),
    feedback: url('api/feedback/insights', { service: params.service || (choices.services[0] || {}).key }),
    overdueTasks: url(tasklist) + (overdue ? '#/?filter=' + overdue : ''),
    cockpit: url('camunda/app/cockpit/default/#/processes')
  };
  document.querySelectorAll('[data-link]').forEach(link => link.setAttribute('href', targets[link.dataset.link]));
  document.querySelectorAll('.cockpit').forEach(link => { link.hidden = !choices.allServices; });
}

async function delivery(params) {
  const report = await read('api/metrics/delivery', params);
  fill('dora-figures', DORA.map(name => figureBox(name, report[name])));
}

async function incidents(params) {
  const report = await read('api/metrics/incidents', params);
  fill('mttx-figures', [figureBox('mtta', report.mtta), figureBox('mttr', report.mttr)]);
  const starts = report.series.map(point => day(point.start));
  const minutes = figure => figure && figure.value != null ? +(figure.value / 60).toFixed(1) : null;
  chart('chart-mttx', {
    tooltip: { trigger: 'axis' }, legend: { data: [T.mtta, T.mttr] },
    xAxis: { type: 'category', data: starts }, yAxis: { type: 'value', name: T.min },
    series: [
      { name: T.mtta, type: 'line', connectNulls: true, data: report.series.map(point => minutes(point.mtta)) },
      { name: T.mttr, type: 'line', connectNulls: true, data: report.series.map(point => minutes(point.mttr)) }]
  });
  const percent = figure => figure && figure.value != null ? +(figure.value * 100).toFixed(1) : null;
  const sla = report.slaAttainment || {};
  chart('chart-sla', {
    tooltip: { trigger: 'axis' }, legend: { data: [T.acknowledge, T.resolve] },
    xAxis: { type: 'category', data: PRIORITIES }, yAxis: { type: 'value', max: 100, name: '%' },
    series: [
      { name: T.acknowledge, type: 'bar', data: PRIORITIES.map(p => percent((sla[p] || {}).acknowledge)) },
      { name: T.resolve, type: 'bar', data: PRIORITIES.map(p => percent((sla[p] || {}).resolve)) }]
  });
  chart('chart-priority', {
    tooltip: { trigger: 'axis' }, legend: { data: PRIORITIES },
    xAxis: { type: 'category', data: starts }, yAxis: { type: 'value', minInterval: 1 },
    series: PRIORITIES.map(p => ({
      name: p, type: 'bar', stack: 'all',
      data: report.series.map(point => ((point.incidentsByPriority || {})[p] || { value: 0 }).value)
    }))
  });
}

async function practice(params) {
  const report = await read('api/metrics/practice', params);
  fill('drill-figures', [figureBox('drillCompliance', report.drillCompliance)]);
  const drilled = report.drillCompliance.value;
  chart('chart-drills', {
    series: [{
      type: 'gauge', min: 0, max: 100, progress: { show: true }, axisLabel: { show: false }, splitLine: { show: false },
      axisTick: { show: false }, pointer: { show: false }, detail: { formatter: drilled == null ? '—' : '{value} %' },
      data: [{ value: drilled == null ? 0 : +(drilled * 100).toFixed(1) }]
    }]
  });
  fill('action-figures', ['overdueActionItems', 'actionItemsOnTime', 'retrospectivesCompleted']
    .map(name => figureBox(name, report[name])));
}

/** Open and overdue tasks per group, as the person may see them in Tasklist. */
async function openWork(choices, filterIds) {
  const now = new Date().toISOString().replace('Z', '+0000');
  const count = params => read('camunda/api/engine/engine/default/task/count', params).then(answer => answer.count);
  const rows = await Promise.all(choices.groups.map(async group => [group,
    await count({ candidateGroup: group }), await count({ candidateGroup: group, dueBefore: now })]));
  const tbody = document.querySelector('#work tbody');
  const groupTasks = sharedFilter(filterIds, ["My groups' tasks", '我所在组的任务']);
  tbody.replaceChildren(...rows.map(([group, open, overdue]) => {
    const search = JSON.stringify([{ type: 'candidateGroup', operator: 'eq', value: group, name: '' }]);
    const link = url('camunda/app/tasklist/default/') + '#/?'
      + (groupTasks ? 'filter=' + groupTasks + '&' : '')
      + 'searchQuery=' + encodeURIComponent(search);
    return element('tr', { 'data-group': group }, element('td', {}, element('a', { href: link }, group)),
      element('td', { class: 'open' }, String(open)),
      element('td', { class: overdue > 0 ? 'overdue' : '' }, String(overdue)));
  }));
}

async function calendar(params) {
  const changes = await read('api/changes', { state: 'open', service: params.service, limit: 200 });
  const team = params.team;
  const services = new Set(currentServices());
  const entries = changes.filter(change => services.has(change.serviceKey) || (!team && !params.service))
    .map(change => ({ at: change.plannedStart || change.createdAt, text: change.changeKey + ' · ' + change.serviceKey
      + ' ' + change.version + ' · ' + change.title, kind: 'change' }));
  let note = null;
  try {
    const windows = await read('api/freeze-windows');
    windows.filter(window => !window.services.length || window.services.some(key => services.has(key)))
      .forEach(window => entries.push({ at: window.start, kind: 'freeze', text: T.freeze + ' → ' + time(window.end)
        + ' · ' + (window.services.length ? window.services.join(', ') : T.allOfThem) + ' · ' + window.reason }));
  } catch (error) {
    if (error.status !== 403) throw error;
    note = element('li', { class: 'empty' }, T.freezeHidden);
  }
  entries.sort((a, b) => String(a.at).localeCompare(String(b.at)));
  const items = entries.map(entry => element('li', { class: entry.kind },
    element('time', { datetime: entry.at }, entry.at ? time(entry.at) : ''), entry.text));
  if (!items.length) items.push(element('li', { class: 'empty' }, T.noChanges));
  if (note) items.push(note);
  document.getElementById('calendar').replaceChildren(...items);
}

/** Per day over the chosen services: volume-weighted average score and negative share. */
async function sentiment(params) {
  const keys = currentServices();
  const answers = await Promise.all(keys.map(service => read('api/feedback/insights',
    { service, from: params.from, to: params.to, groupBy: 'day' })));
  const days = new Map();
  answers.flatMap(answer => answer.groups).filter(group => group.volume > 0).forEach(group => {
    const sum = days.get(group.key) || { volume: 0, score: 0, negative: 0 };
    sum.volume += group.volume;
    sum.score += (group.averageScore || 0) * group.volume;
    sum.negative += group.negativeShare * group.volume;
    days.set(group.key, sum);
  });
  const keysInOrder = [...days.keys()].sort();
  const tile = document.getElementById('chart-sentiment');
  if (!keysInOrder.length) {
    if (charts['chart-sentiment']) charts['chart-sentiment'].dispose();
    delete charts['chart-sentiment'];
    tile.replaceChildren(element('p', { class: 'empty' }, T.noFeedback));
    return;
  }
  if (!charts['chart-sentiment']) tile.replaceChildren();
  chart('chart-sentiment', {
    tooltip: { trigger: 'axis' }, legend: { data: [T.averageScore, T.negativeShare] },
    xAxis: { type: 'category', data: keysInOrder },
    yAxis: [{ type: 'value', min: -1, max: 1 }, { type: 'value', min: 0, max: 100, name: '%' }],
    series: [
      { name: T.averageScore, type: 'line', data: keysInOrder.map(k => +(days.get(k).score / days.get(k).volume).toFixed(3)) },
      { name: T.negativeShare, type: 'bar', yAxisIndex: 1, data: keysInOrder.map(k => +(100 * days.get(k).negative
        / days.get(k).volume).toFixed(1)) }]
  });
}

let choices;

function currentServices() {
  const service = document.getElementById('service').value;
  const team = document.getElementById('team').value;
  return choices.services.filter(known => (!service || known.key === service) && (!team || known.devGroup === team))
    .map(known => known.key);
}

async function filterIds() {
  const filters = await read('camunda/api/engine/engine/default/filter', { resourceType: 'Task' }).catch(() => []);
  return Object.fromEntries(filters.map(filter => [filter.name, filter.id]));
}

async function refresh() {
  const params = filters();
  const ids = await filterIds();
  links(choices, params, ids);
  const tiles = [['tile-dora', delivery(params)], ['tile-mttx', incidents(params)], ['tile-practice', practice(params)],
    ['tile-work', openWork(choices, ids)], ['tile-changes', calendar(params)], ['tile-sentiment', sentiment(params)]];
  document.querySelectorAll('.tile .error').forEach(old => old.remove());
  await Promise.all(tiles.map(([id, loading]) => loading.catch(error => {
    if (error.status !== 401) failed(id === 'tile-practice' ? 'tile-drills' : id, error);
  })));
  document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
}

async function start() {
  choices = await read('api/metrics/choices');
  LANGUAGE = chosenLanguage(choices.language);
  T = TEXTS[LANGUAGE];
  ZONE = choices.timeZone || 'UTC';
  document.documentElement.lang = LANGUAGE === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-text]').forEach(node => { node.textContent = T[node.dataset.text]; });
  document.title = T.title;
  const service = document.getElementById('service');
  choices.services.forEach(known => service.append(element('option', { value: known.key }, known.name + ' (' + known.key + ')')));
  const team = document.getElementById('team');
  choices.teams.forEach(group => team.append(element('option', { value: group }, group)));
  document.getElementById('filters').addEventListener('change', () => refresh());
  window.addEventListener('resize', () => Object.values(charts).forEach(drawn => drawn.resize()));
  await refresh();
}

start().catch(error => {
  const problem = document.getElementById('problem');
  problem.textContent = T.failed + ': ' + error.message;
  problem.hidden = false;
});
