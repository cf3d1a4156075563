'use strict';
// The agency dashboard. It shows the reports' own figures: every number comes from /api/v1/reports/*
// with the filters of the form. The token lives in this closure only (never storage, never a URL).
(() => {
  const api = '/api/v1';
  const languages = ['en', 'ru', 'zh'];
  const statuses = ['suggested', 'sme_interested', 'partner_interested', 'mutual', 'meeting', 'negotiation', 'agreement', 'closed', 'declined'];
  const dealStatuses = ['mutual', 'meeting', 'negotiation', 'agreement', 'closed'];
  const palette = ['#0b5cad', '#d1495b', '#2e933c', '#edae49', '#6b4c9a', '#00798c', '#8c564b'];
  const cards = [
    ['smes', s => s.smes], ['openNeeds', s => s.openNeeds], ['expiredNeeds', s => s.expiredNeeds],
    ['requestedInvestmentUsd', s => s.requestedInvestmentUsd, 'usd'], ['partners', s => s.partners],
    ['pendingProfiles', s => s.pendingProfiles],
    ['matchesTotal', s => s.matchesTotal], ['deals', s => dealStatuses.reduce((sum, k) => sum + (s.matches[k] || 0), 0)],
    ['agreements', s => s.agreements], ['realisedInvestmentUsd', s => s.realisedInvestmentUsd, 'usd'],
    ['jobsCreated', s => s.jobsCreated], ['youthJobsCreated', s => s.youthJobsCreated],
    ['medianDaysToAgreement', s => s.medianDaysToAgreement, 'days'],
  ];

  const state = { token: null, language: 'en', text: {}, reference: {}, reports: null, charts: {} };
  const $ = id => document.getElementById(id);

  const t = key => state.text[key] ?? key;
  const locale = () => ({ en: 'en-US', ru: 'ru-RU', zh: 'zh-CN' })[state.language];
  const format = (value, kind) => {
    if (value === null || value === undefined) return '—';
    if (kind === 'usd') return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(value);
    if (kind === 'days') return new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(value);
    return new Intl.NumberFormat(locale()).format(value);
  };
  const nameOf = (list, code) => {
    const item = (state.reference[list] || []).find(i => i.code === code);
    if (!item) return code;
    return { en: item.nameEn, ru: item.nameRu, zh: item.nameZh }[state.language] || item.nameEn;
  };

  const showProblem = message => { $('problem').textContent = message; $('problem').hidden = !message; };

  async function call(path, options = {}) {
    const headers = { 'Accept-Language': state.language, Accept: 'application/json', ...(options.headers || {}) };
    if (state.token) headers.Authorization = `Bearer ${state.token}`;
    const response = await fetch(api + path, { ...options, headers });
    if (!response.ok) {
      let message = `${response.status}`;
      try {
        const problem = await response.json();
        message = problem.detail || problem.title || message;
        if (problem.errors) message += ': ' + Object.values(problem.errors).flat().join(' ');
      } catch { /* a body that is not JSON: the status is all there is to say */ }
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return response;
  }
  const json = async path => (await call(path)).json();

  async function loadLanguage(language) {
    state.language = languages.includes(language) ? language : 'en';
    const response = await fetch(`/dashboard/i18n/${state.language}.json`);
    state.text = await response.json();
    document.documentElement.lang = state.language === 'zh' ? 'zh-CN' : state.language;
    document.title = t('title');
    for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
    $('language').value = state.language;
  }

  async function signIn(event) {
    event.preventDefault();
    showProblem('');
    try {
      const body = JSON.stringify({ email: $('email').value, password: $('password').value });
      const token = await (await call('/auth/token', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } })).json();
      state.token = token.accessToken;
      const me = await json('/auth/me');
      if (me.role !== 'agency' && me.role !== 'admin') {
        state.token = null;
        showProblem(t('roleRefused'));
        return;
      }
      $('password').value = '';
      $('sign-in').hidden = true;
      $('board').hidden = false;
      $('sign-out').hidden = false;
      await loadReference();
      await refresh();
    } catch (error) {
      state.token = null;
      showProblem(error.status === 401 || error.status === 400 ? t('signInFailed') : error.message);
    }
  }

  function signOut() {
    state.token = null;
    state.reports = null;
    for (const chart of Object.values(state.charts)) chart.destroy();
    state.charts = {};
    $('board').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in').hidden = false;
    $('email').focus();
  }

  async function loadReference() {
    for (const list of ['regions', 'sectors', 'cities']) state.reference[list] = (await json(`/reference/${list}`)).items;
    fillPickers();
  }

  function fillPickers() {
    for (const [id, list] of [['region', 'regions'], ['sector', 'sectors'], ['city', 'cities']]) {
      const select = $(id);
      const chosen = select.value;
      select.replaceChildren(new Option(t('all'), ''));
      for (const item of state.reference[list] || []) select.add(new Option(`${nameOf(list, item.code)} (${item.code})`, item.code));
      select.value = chosen;
    }
  }

  function filters() {
    const query = new URLSearchParams();
    for (const name of ['from', 'to', 'region', 'sector', 'city']) {
      const value = $(name).value;
      if (value) query.set(name, value);
    }
    return query;
  }

  async function refresh() {
    showProblem('');
    $('status').textContent = t('loading');
    $('board').setAttribute('aria-busy', 'true');
    const query = filters().toString();
    const suffix = query ? `?${query}` : '';
    try {
      const [summary, byRegion, bySector, byCity, pipeline, timeseries, declineReasons] = await Promise.all([
        json(`/reports/summary${suffix}`), json(`/reports/by-region${suffix}`), json(`/reports/by-sector${suffix}`),
        json(`/reports/by-city${suffix}`), json(`/reports/pipeline${suffix}`),
        json(`/reports/timeseries?${new URLSearchParams([...filters(), ['interval', 'month']])}`),
        json(`/reports/decline-reasons${suffix}`),
      ]);
      state.reports = { query, summary, byRegion, bySector, byCity, pipeline, timeseries, declineReasons };
      render();
      $('status').textContent = t('updated');
    } catch (error) {
      $('status').textContent = '';
      if (error.status === 401) signOut();
      showProblem(error.message);
    } finally {
      $('board').setAttribute('aria-busy', 'false');
      $('board').dataset.query = query;
    }
  }

  function render() {
    const reports = state.reports;
    if (!reports) return;
    renderCards(reports.summary);
    const measureRows = (rows, key, list) => rows.items.map(r => ({ code: r[key], label: nameOf(list, r[key]), row: r }));
    const regions = measureRows(reports.byRegion, 'region', 'regions');
    const sectors = measureRows(reports.bySector, 'sector', 'sectors');
    const cities = measureRows(reports.byCity, 'city', 'cities');
    chart('byRegion', 'bar', regions.map(r => r.label), [
      series('smes', regions.map(r => r.row.smes)), series('openNeeds', regions.map(r => r.row.openNeeds)),
      series('matchesTotal', regions.map(r => r.row.matchesTotal)),
    ]);
    chart('bySector', 'bar', sectors.map(r => r.label), [
      series('smes', sectors.map(r => r.row.smes)), series('partners', sectors.map(r => r.row.partners)),
      series('openNeeds', sectors.map(r => r.row.openNeeds)),
    ]);
    chart('byCity', 'bar', cities.map(r => r.label), [
      series('partners', cities.map(r => r.row.partners)), series('matchesTotal', cities.map(r => r.row.matchesTotal)),
      series('agreements', cities.map(r => r.row.agreements)),
    ]);
    const stages = reports.pipeline.stages;
    chart('pipeline', 'bar', stages.map(s => t(`status.${s.stage}`)), [series('reached', stages.map(s => s.reached))], { indexAxis: 'y' });
    const buckets = reports.timeseries.items;
    chart('timeseries', 'line', buckets.map(b => b.period), [
      series('newSmes', buckets.map(b => b.newSmes)), series('newNeeds', buckets.map(b => b.newNeeds)),
      series('newPartners', buckets.map(b => b.newPartners)), series('newMatches', buckets.map(b => b.newMatches)),
    ]);
    chart('outcomes', 'bar', regions.map(r => r.label), [
      series('agreements', regions.map(r => r.row.agreements)), series('jobsCreated', regions.map(r => r.row.jobsCreated)),
      series('youthJobsCreated', regions.map(r => r.row.youthJobsCreated)),
      series('realisedInvestmentUsd', regions.map(r => r.row.realisedInvestmentUsd), 'usd'),
    ], {}, new Set(['realisedInvestmentUsd']));
    const reasons = [...new Set(reports.declineReasons.items.map(i => i.reasonCode))];
    const count = (code, side) => reports.declineReasons.items.filter(i => i.reasonCode === code && i.side === side).reduce((s, i) => s + i.count, 0);
    chart('declineReasons', 'bar', reasons.map(code => t(`reason.${code}`)), [
      series('declinedBySme', reasons.map(code => count(code, 'sme'))), series('declinedByPartner', reasons.map(code => count(code, 'partner'))),
    ], { scales: { x: { stacked: true }, y: { stacked: true } } });
  }

  function renderCards(summary) {
    const items = cards.map(([key, read, kind]) => {
      const value = read(summary);
      const card = document.createElement('div');
      card.className = 'card';
      const term = document.createElement('dt');
      term.textContent = t(`card.${key}`);
      const detail = document.createElement('dd');
      detail.textContent = format(value, kind);
      detail.dataset.figure = key;
      detail.dataset.value = value === null || value === undefined ? '' : String(value);
      card.append(term, detail);
      return card;
    });
    $('cards').replaceChildren(...items);
  }

  const series = (key, data, kind) => ({ key, label: t(`series.${key}`), data, kind });

  // The canvas is described by its table: screen readers and keyboard users get the same figures.
  function chart(id, type, labels, datasets, options = {}, hiddenSeries = new Set()) {
    const section = document.querySelector(`[data-chart="${id}"]`);
    section.replaceChildren();
    const title = document.createElement('h2');
    title.id = `${id}-title`;
    title.textContent = t(`chart.${id}`);
    const box = document.createElement('div');
    box.className = 'canvas-box';
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${t(`chart.${id}`)}. ${t('seeTable')}`);
    box.append(canvas);
    section.append(title, box, table(id, labels, datasets));
    state.charts[id]?.destroy();
    if (!window.Chart) return;
    state.charts[id] = new window.Chart(canvas, {
      type,
      data: {
        labels,
        datasets: datasets.map((d, i) => ({
          label: d.label, data: d.data, hidden: hiddenSeries.has(d.key),
          backgroundColor: palette[i % palette.length], borderColor: palette[i % palette.length],
        })),
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, locale: locale(), ...options },
    });
  }

  function table(id, labels, datasets) {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = t('showTable');
    const scroll = document.createElement('div');
    scroll.className = 'table-scroll';
    const element = document.createElement('table');
    element.dataset.table = id;
    const caption = element.createCaption();
    caption.textContent = t(`chart.${id}`);
    const head = element.createTHead().insertRow();
    for (const text of ['', ...datasets.map(d => d.label)]) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = text;
      head.append(th);
    }
    const body = element.createTBody();
    labels.forEach((label, row) => {
      const tr = body.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = label;
      tr.append(th);
      for (const d of datasets) {
        const td = tr.insertCell();
        td.textContent = format(d.data[row], d.kind);
        td.dataset.value = String(d.data[row] ?? '');
      }
    });
    scroll.append(element);
    details.append(summary, scroll);
    return details;
  }

  async function download() {
    showProblem('');
    try {
      const response = await call(`/reports/matches?${new URLSearchParams([...filters(), ['format', 'csv']])}`, { headers: { Accept: 'text/csv' } });
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = 'matches.csv';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      $('status').textContent = t('downloaded');
    } catch (error) {
      showProblem(error.message);
    }
  }

  async function changeLanguage() {
    await loadLanguage($('language').value);
    fillPickers();
    render();
  }

  document.addEventListener('DOMContentLoaded', async () => {
    $('sign-in-form').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', signOut);
    $('filters').addEventListener('submit', event => { event.preventDefault(); refresh(); });
    $('reset').addEventListener('click', () => { $('filters').reset(); refresh(); });
    $('download').addEventListener('click', download);
    $('language').addEventListener('change', changeLanguage);
    const preferred = (navigator.language || 'en').slice(0, 2);
    await loadLanguage(preferred);
    document.body.dataset.ready = 'true';
  });
})();
