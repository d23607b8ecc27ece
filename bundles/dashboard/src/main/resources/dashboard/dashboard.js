// Dynofa dashboard: polls the control API every second and draws, per deployment, the last two minutes of
// latency against its target and deadline, the level in use, its signals and problems, with its controls.
// State for tests: each deployment's canvas carries data-points (samples with a latency in the window),
// data-updates (polls that reported the deployment) and data-target (the target of the last poll, ms); the body
// carries data-polls; each control's answer carries data-status (its HTTP status).
'use strict';

(function () {
  const POLL_MS = 1000;
  const WINDOW_MS = 120000;
  const DETAIL_MS = 10000;
  const REQUEST_TIMEOUT_MS = 5000;
  const MAX_SAMPLES = 600;
  const DEPLOYMENTS = new URL('../dynofa/v1/deployments', document.baseURI).pathname;
  const SIGNALS = [
    ['latencyMeanMs', 'request mean ms'], ['latencyP95Ms', 'request p95 ms'], ['frameP95Ms', 'frame p95 ms'],
    ['frameWindowP95Ms', 'frame window p95 ms'], ['frameMissRate', 'frame miss rate'],
    ['deadlineMs', 'deadline ms'], ['cpuLoad', 'CPU load'], ['slowdown', 'slowdown'],
    ['accuracy', 'accuracy %'], ['frames', 'frames'], ['priority', 'priority'],
    ['sharedSessions', 'shared sessions']];

  const views = new Map();
  let token = '';
  let polls = 0;

  document.getElementById('token').addEventListener('input', e => { token = e.target.value.trim(); });

  function finite(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }

  function text(value) {
    if (value === null || value === undefined) return '–';
    if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(+value.toFixed(4));
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  function element(tag, content, className) {
    const node = document.createElement(tag);
    if (content !== undefined) node.textContent = content;
    if (className) node.className = className;
    return node;
  }

  function deploymentPath(name) {
    return DEPLOYMENTS + '/' + encodeURIComponent(name);
  }

  // One request to the API: {status, body} with the body parsed as JSON when it is JSON, else its text.
  async function call(path, method, payload) {
    const headers = {Accept: 'application/json'};
    if (token) headers.Authorization = 'Bearer ' + token;
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
    try {
      const response = await fetch(path, {method: method || 'GET', headers, signal: abort.signal,
        body: payload === undefined ? undefined : JSON.stringify(payload), cache: 'no-store'});
      const raw = await response.text();
      let body = raw;
      try { body = JSON.parse(raw); } catch (ignored) { /* not JSON: keep the text */ }
      return {status: response.status, ok: response.ok, body};
    } finally {
      clearTimeout(timer);
    }
  }

  function describeFailure(answer) {
    const error = answer.body && typeof answer.body === 'object' ? answer.body.error : null;
    return 'HTTP ' + answer.status + (error ? ': ' + error : '');
  }

  class DeploymentView {
    constructor(name) {
      this.name = name;
      this.samples = [];
      this.updates = 0;
      this.levels = [];
      this.detailAt = 0;
      this.root = document.getElementById('deployment-template').content.firstElementChild.cloneNode(true);
      this.root.dataset.deployment = name;
      this.part('.name').textContent = name;
      this.canvas = this.part('canvas');
      this.answer = this.part('.answer');
      this.bindControls();
    }

    part(selector) {
      return this.root.querySelector(selector);
    }

    bindControls() {
      const send = (form, change) => form.addEventListener('submit', event => {
        event.preventDefault();
        const payload = change(form);
        if (payload) this.patch(payload);
      });
      const number = (form, key) => {
        const value = form.elements[key].valueAsNumber;
        if (!Number.isFinite(value)) {
          this.show(null, key + ' needs a number');
          return null;
        }
        return {[key]: value};
      };
      send(this.part('form.target'), form => number(form, 'targetLatencyMs'));
      send(this.part('form.floor'), form => number(form, 'accuracyFloor'));
      send(this.part('form.policy'), form => ({policy: form.elements.policy.value}));
      send(this.part('form.pin'), form => ({pinnedLevel: form.elements.pinnedLevel.value}));
      this.part('button.unpin').addEventListener('click', () => this.patch({pinnedLevel: ''}));
    }

    async patch(change) {
      this.show(null, 'sending ' + JSON.stringify(change) + '…');
      try {
        const answer = await call(deploymentPath(this.name), 'PATCH', change);
        this.show(answer.status, answer.ok ? 'applied ' + JSON.stringify(change) : JSON.stringify(answer.body));
        this.detailAt = 0;
      } catch (e) {
        this.show(0, 'request failed: ' + e);
      }
    }

    show(status, message) {
      this.answer.dataset.status = status === null ? '' : String(status);
      this.answer.classList.toggle('refused', status !== null && !(status >= 200 && status < 300));
      this.answer.textContent = message;
    }

    async refreshDetail(now) {
      if (now - this.detailAt < DETAIL_MS) return;
      this.detailAt = now;
      const answer = await call(deploymentPath(this.name));
      if (!answer.ok || !answer.body || typeof answer.body !== 'object') return;
      const detail = answer.body;
      this.levels = Array.isArray(detail.levels) ? detail.levels.filter(l => l && typeof l.id === 'string') : [];
      const policies = (Array.isArray(detail.policies) ? detail.policies : [])
        .map(p => typeof p === 'string' ? p : p && (p.name || p.id)).filter(p => typeof p === 'string');
      this.fillSelect('policy', policies.map(p => [p, p]), detail.policy);
      this.fillSelect('pinnedLevel', this.levels.map(l => [l.id, l.id + levelNote(l)]), detail.level);
    }

    fillSelect(name, options, current) {
      const select = this.root.querySelector('select[name=' + name + ']');
      if (document.activeElement === select) return;
      const keep = select.value || current;
      select.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
      if (options.some(([value]) => value === keep)) select.value = keep;
    }

    update(status, now) {
      this.status = status;
      this.samples.push({t: now, latency: finite(status.latencyP95Ms), frame: finite(status.frameWindowP95Ms),
        target: finite(status.targetMs), deadline: finite(status.deadlineMs), level: finite(status.levelIndex)});
      while (this.samples.length > MAX_SAMPLES || (this.samples.length && this.samples[0].t < now - WINDOW_MS)) {
        this.samples.shift();
      }
      const state = typeof status.state === 'string' ? status.state : 'UNKNOWN';
      const badge = this.part('.state');
      badge.textContent = state;
      badge.className = 'state ' + state;
      const pinned = status.pinned === true ? ', pinned' : '';
      this.part('.summary').textContent = [
        'family ' + text(status.family), 'backend ' + text(status.backend), 'policy ' + text(status.policy),
        'level ' + text(status.level) + ' (#' + text(status.levelIndex) + pinned + ')',
        'switches ' + text(status.switches), 'arbitration ' + text(status.arbitration)].join(' · ');
      this.part('.decision').textContent = text(status.lastDecision);
      this.part('form.target input').placeholder = text(status.targetMs);
      this.part('form.floor input').placeholder = text(status.accuracyFloor);
      this.renderSignals(status);
      this.renderProblems(status);
      const target = finite(status.targetMs);
      this.canvas.dataset.target = target === null ? '' : String(target);
      this.canvas.dataset.points = String(this.samples.filter(s => s.latency !== null || s.frame !== null).length);
      this.updates += 1;
      this.canvas.dataset.updates = String(this.updates);
      this.root.dataset.state = state;
      this.root.dataset.level = text(status.level);
      this.root.dataset.policy = text(status.policy);
      draw(this.canvas, this.samples, this.levels.length, now);
    }

    // The monitors' signals by name when the status carries them, else its headline numbers; then the counts.
    renderSignals(status) {
      const rows = status.signals && typeof status.signals === 'object'
        ? Object.entries(status.signals).sort(([a], [b]) => a.localeCompare(b))
        : SIGNALS.filter(([key]) => key in status).map(([key, label]) => [label, status[key]]);
      rows.push(['failed requests', status.failed]);
      if (status.rejected && typeof status.rejected === 'object') {
        Object.entries(status.rejected).forEach(([reason, count]) => rows.push(['rejected ' + reason, count]));
      }
      this.part('.signals tbody').replaceChildren(...rows.map(([label, value]) => {
        const row = element('tr');
        row.append(element('td', label), element('td', text(value)));
        return row;
      }));
    }

    renderProblems(status) {
      const details = Array.isArray(status.problemDetails) ? status.problemDetails : [];
      const items = details.length
        ? details.map(p => p && typeof p === 'object' ? [p.code, p.text].filter(Boolean).join(': ') : text(p))
        : (Array.isArray(status.problems) ? status.problems.map(text) : []);
      const list = this.part('.problems');
      list.replaceChildren(...(items.length ? items.map(p => element('li', p, 'error'))
        : [element('li', 'none', 'muted')]));
    }
  }

  function levelNote(level) {
    const parts = [];
    if (finite(level.top1) !== null) parts.push(level.top1 + ' %');
    if (finite(level.latencyMs) !== null) parts.push(+level.latencyMs.toFixed(3) + ' ms');
    return parts.length ? ' (' + parts.join(', ') + ')' : '';
  }

  // The plot: latency series (ms, left axis) and the level index as a step line (right axis) over WINDOW_MS.
  function draw(canvas, samples, levelCount, now) {
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(canvas.clientWidth, 300);
    const height = Math.max(canvas.clientHeight, 150);
    if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
    if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    const box = {left: 62, right: width - 40, top: 8, bottom: height - 22};
    // the scale fits the targets and most latencies: a lone spike (a warm-up run) runs off the top, clipped
    const latencies = samples.flatMap(s => [s.latency, s.frame]).filter(v => v !== null).sort((a, b) => a - b);
    const limits = samples.flatMap(s => [s.target, s.deadline]).filter(v => v !== null);
    const typical = latencies.length ? latencies[Math.floor(0.95 * (latencies.length - 1))] : 0;
    const top = Math.max(typical, ...limits, 0.001) * 1.25;
    const maxLevel = Math.max(levelCount - 1, ...samples.map(s => s.level === null ? 0 : s.level), 1);
    const x = t => box.left + (t - (now - WINDOW_MS)) / WINDOW_MS * (box.right - box.left);
    const y = v => box.bottom - v / top * (box.bottom - box.top);
    const yLevel = v => box.bottom - v / maxLevel * (box.bottom - box.top);
    const css = name => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

    g.font = '11px system-ui, sans-serif';
    g.lineWidth = 1;
    g.strokeStyle = '#e5e7eb';
    g.fillStyle = '#6b7280';
    g.textAlign = 'right';
    for (let i = 0; i <= 4; i++) {
      const v = top * i / 4;
      g.beginPath();
      g.moveTo(box.left, y(v));
      g.lineTo(box.right, y(v));
      g.stroke();
      g.fillText(+v.toPrecision(2) + ' ms', box.left - 4, y(v) + 4);
    }
    g.textAlign = 'left';
    for (const level of [0, maxLevel]) g.fillText('#' + level, box.right + 4, yLevel(level) + 4);
    g.textAlign = 'center';
    for (const seconds of [120, 90, 60, 30, 0]) {
      g.fillText(seconds ? '−' + seconds + ' s' : 'now', x(now - seconds * 1000), height - 6);
    }

    g.save();
    g.beginPath();
    g.rect(box.left, box.top, box.right - box.left, box.bottom - box.top);
    g.clip();
    series(g, samples, 'level', x, yLevel, css('--level'), [], true);
    series(g, samples, 'target', x, y, css('--target'), [6, 4], true);
    series(g, samples, 'deadline', x, y, css('--deadline'), [2, 3], true);
    series(g, samples, 'frame', x, y, css('--frame'), [], false);
    series(g, samples, 'latency', x, y, css('--latency'), [], false);
    g.restore();
  }

  // One series as a line (or a step line), broken where a sample has no value.
  function series(g, samples, key, x, y, colour, dash, step) {
    g.strokeStyle = colour;
    g.setLineDash(dash);
    g.lineWidth = 1.6;
    g.beginPath();
    let previous = null;
    for (const s of samples) {
      const v = s[key];
      if (v === null) {
        previous = null;
        continue;
      }
      if (previous === null) g.moveTo(x(s.t), y(v));
      else if (step) {
        g.lineTo(x(s.t), y(previous));
        g.lineTo(x(s.t), y(v));
      } else g.lineTo(x(s.t), y(v));
      previous = v;
    }
    g.stroke();
    g.setLineDash([]);
  }

  function render(list, now) {
    const seen = new Set();
    const main = document.getElementById('deployments');
    for (const status of list) {
      if (!status || typeof status.deployment !== 'string' || seen.has(status.deployment)) continue;
      seen.add(status.deployment);
      let view = views.get(status.deployment);
      if (!view) {
        view = new DeploymentView(status.deployment);
        views.set(status.deployment, view);
        main.append(view.root);
      }
      view.update(status, now);
      view.refreshDetail(now).catch(() => { view.detailAt = 0; });
    }
    for (const [name, view] of views) {
      if (!seen.has(name)) {
        view.root.remove();
        views.delete(name);
      }
    }
    document.getElementById('empty').hidden = views.size > 0;
  }

  function connection(message, failed) {
    const line = document.getElementById('connection');
    line.textContent = message;
    line.className = failed ? 'error' : 'muted';
    document.body.dataset.error = failed ? message : '';
  }

  async function poll() {
    try {
      const answer = await call(DEPLOYMENTS);
      if (!answer.ok) connection(describeFailure(answer), true);
      else if (!Array.isArray(answer.body)) connection('unexpected answer from ' + DEPLOYMENTS, true);
      else {
        render(answer.body, Date.now());
        connection('live · updated ' + new Date().toLocaleTimeString(), false);
      }
    } catch (e) {
      connection('gateway unreachable: ' + e, true);
    }
    polls += 1;
    document.body.dataset.polls = String(polls);
    setTimeout(poll, POLL_MS);
  }

  poll();
})();
