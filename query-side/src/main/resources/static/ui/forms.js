// The forms page: builds the period code the API expects (M:2019-03, Q1:2019, H1:2019, 9M:2019, Y:2019,
// TERM:2020-2025), previews the forms and their checks as tables, opens the cases behind a figure, points the
// download link at the workbook and locks the period. No inline script or style: the CSP allows files only.
(function () {
  'use strict';
  const page = document.getElementById('forms-page');
  if (!page) {
    return;
  }
  const committee = page.dataset.committee;
  const canCases = page.dataset.canCases === 'true';
  const text = JSON.parse(document.getElementById('forms-text').textContent || '{}');
  const form = document.getElementById('forms-choice');
  const tables = document.getElementById('forms-tables');
  const checks = document.getElementById('forms-checks');
  const cellBox = document.getElementById('forms-cell');
  const lockState = document.getElementById('forms-lock-state');
  const problem = document.getElementById('forms-problem');

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'text') {
        node.textContent = v;
      } else if (k === 'className') {
        node.className = v;
      } else {
        node.setAttribute(k, v);
      }
    });
    (children || []).forEach(child => node.appendChild(child));
    return node;
  }

  function period() {
    const kind = document.getElementById('period-kind').value;
    const year = document.getElementById('period-year').value;
    if (kind === 'M') {
      return 'M:' + year + '-' + String(document.getElementById('period-month').value).padStart(2, '0');
    }
    if (kind === 'TERM') {
      return 'TERM:' + document.getElementById('period-term').value;
    }
    return kind + ':' + year;
  }

  function params() {
    const query = new URLSearchParams();
    query.set('period', period());
    query.set('scope', document.getElementById('forms-scope').value);
    const perspective = document.getElementById('forms-perspective').value;
    if (perspective) {
      query.set('perspective', perspective);
    }
    const codes = Array.from(form.querySelectorAll('input[name=forms]:checked')).map(i => i.value);
    query.set('forms', codes.join(','));
    return query;
  }

  function base() {
    return '/api/committees/' + encodeURIComponent(committee) + '/forms';
  }

  function refreshDownload() {
    const query = params();
    query.set('format', 'xlsx');
    document.getElementById('forms-download').href = base() + '?' + query.toString();
  }

  async function show(answer) {
    problem.hidden = true;
    if (answer.status && !answer.forms) {
      problem.hidden = false;
      problem.textContent = (answer.title || '') + (answer.detail ? ': ' + answer.detail : '');
      return;
    }
    tables.replaceChildren();
    answer.forms.forEach(f => tables.appendChild(table(answer, f)));
    const failed = answer.checks.filter(c => !c.ok);
    checks.hidden = false;
    checks.replaceChildren(el('h2', {text: failed.length === 0 ? text.ok : text.failed + ' (' + failed.length + ')'}),
      el('ul', {}, (failed.length ? failed : answer.checks.filter(c => c.kind === 'ACROSS_FORMS' || c.kind === 'STATISTIC'))
        .map(c => el('li', {className: c.ok ? 'ok' : 'failed',
          text: c.name + ': ' + c.value + (c.relation === 'equal' ? ' = ' : ' ≤ ') + c.limit + (c.ok ? ' ✓' : ' ✗')}))));
    lockState.hidden = !answer.lock;
    if (answer.lock) {
      const late = answer.lock.arrivedAfterLock || [];
      lockState.replaceChildren(el('p', {text: text.locked + ' ' + answer.lock.lockedAt + ' (' + answer.lock.lockedBy + ', '
          + answer.lock.checkpoint.kind + ' ' + answer.lock.checkpoint.treeSize + ')'}),
        el('p', {className: late.length ? 'failed' : 'ok', text: text.late + ': ' + late.length}));
    }
  }

  function table(answer, f) {
    const depth = Math.max(...f.columns.map(c => c.header.length));
    const head = el('thead');
    for (let level = 0; level < depth; level++) {
      const row = el('tr');
      if (level === 0) {
        row.appendChild(el('th', {rowspan: String(depth), text: 'Số TT'}));
        row.appendChild(el('th', {rowspan: String(depth), text: f.rowHeader || ''}));
      }
      let i = 0;
      while (i < f.columns.length) {
        const h = f.columns[i].header;
        if (h.length <= level) {
          i++;
          continue;
        }
        let j = i;
        while (j + 1 < f.columns.length && level < h.length - 1 && f.columns[j + 1].header.length - 1 > level
            && f.columns[j + 1].header.slice(0, level + 1).join('|') === h.slice(0, level + 1).join('|')) {
          j++;
        }
        const leaf = level === h.length - 1;
        const th = el('th', {colspan: String(j - i + 1), text: h[level] + (leaf && !f.columns[i].kept ? ' (*)' : '')});
        if (leaf) {
          th.setAttribute('rowspan', String(depth - level));
          if (!f.columns[i].kept) {
            th.setAttribute('title', f.columns[i].notKept);
          }
        }
        row.appendChild(th);
        i = j + 1;
      }
      head.appendChild(row);
    }
    head.appendChild(el('tr', {className: 'numbering'}, [el('th', {text: 'A'}), el('th', {text: 'B'})]
      .concat(f.columns.map(c => el('th', {text: String(c.n)})))));
    const body = el('tbody', {}, f.rows.map(r => el('tr', {className: r.group ? 'group' : ''},
      [el('td', {text: r.number}), el('td', {text: r.label})].concat(f.columns.map(c => {
        const value = r.cells[String(c.n)];
        if (value === null || value === undefined) {
          return el('td', {className: 'not-kept', title: text.notKept});
        }
        const td = el('td', {className: 'num', text: String(value)});
        if (canCases && value > 0) {
          const link = el('a', {href: '#', text: String(value), 'data-form': f.code, 'data-row': r.key, 'data-column': String(c.n)});
          td.replaceChildren(link);
        }
        return td;
      })))));
    return el('section', {className: 'card form-sheet', id: 'form-' + f.code}, [
      el('h2', {text: 'Biểu ' + f.code + ' — ' + f.title}),
      el('p', {className: 'muted', text: answer.periodLabel + ' · ĐVT: ' + f.unit}),
      el('div', {className: 'scroll'}, [el('table', {className: 'form-table'}, [head, body])])]);
  }

  async function preview(event) {
    if (event) {
      event.preventDefault();
    }
    refreshDownload();
    const response = await window.casework.request('GET', base() + '?' + params().toString());
    show(await window.casework.answerOf(response));
  }

  async function drill(link) {
    const query = params();
    query.delete('forms');
    const url = base() + '/' + encodeURIComponent(link.dataset.form) + '/cells/' + encodeURIComponent(link.dataset.row)
      + '/' + link.dataset.column + '/cases?' + query.toString();
    const answer = await window.casework.answerOf(await window.casework.request('GET', url));
    cellBox.hidden = false;
    cellBox.replaceChildren(el('h2', {text: text.cases + ' — biểu ' + link.dataset.form + ', dòng ' + link.dataset.row
        + ', cột ' + link.dataset.column + ': ' + answer.value}),
      el('ul', {}, (answer.items || []).map(item => el('li', {}, [
        item.kind === 'CASE' ? el('a', {href: '/ui/cases/' + encodeURIComponent(item.id), text: item.subjectName || item.id})
          : el('span', {text: item.subjectName || item.id}),
        el('span', {className: 'muted', text: ' ' + item.step + ' ' + item.day + ' · ' + (item.committeeName || item.committeeId)})]))),
      el('p', {className: 'muted', text: answer.outside ? text.outside + ': ' + answer.outside : ''}));
  }

  async function lock() {
    if (!window.confirm(text.confirmLock + ' ' + period())) {
      return;
    }
    const body = {period: period(), scope: document.getElementById('forms-scope').value,
      forms: params().get('forms')};
    const perspective = document.getElementById('forms-perspective').value;
    if (perspective) {
      body.perspective = perspective;
    }
    const response = await window.casework.request('POST', base() + '/locks', body);
    const answer = await window.casework.answerOf(response);
    if (!response.ok) {
      show(answer);
      return;
    }
    preview();
  }

  form.addEventListener('submit', preview);
  form.addEventListener('change', refreshDownload);
  tables.addEventListener('click', event => {
    const link = event.target.closest('a[data-form]');
    if (link) {
      event.preventDefault();
      drill(link);
    }
  });
  const lockButton = document.getElementById('forms-lock');
  if (lockButton) {
    lockButton.addEventListener('click', lock);
  }
  refreshDownload();
})();
