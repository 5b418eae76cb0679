// The read audit (AUDITOR): who read which case or complaint, and which identity was revealed, when. Filtered by
// GET /api/audit/reads; the same filter as CSV (Accept: text/csv) is downloaded as a file.
(function () {
  'use strict';
  const cw = window.casework;
  const form = document.getElementById('audit-filter');
  const rows = document.getElementById('audit-rows');
  const problem = document.getElementById('audit-problem');
  const count = document.getElementById('audit-count');
  const kinds = {};
  document.getElementById('audit-kinds').content.querySelectorAll('[data-kind]')
      .forEach(e => kinds[e.dataset.kind] = e.textContent);

  // the filter as API parameters; a time typed in the page's local time is sent as an instant
  function query() {
    const params = new URLSearchParams();
    ['caseId', 'complaintId', 'username'].forEach(name => {
      const value = form.elements[name].value.trim();
      if (value) {
        params.set(name, value);
      }
    });
    ['from', 'to'].forEach(name => {
      const value = form.elements[name].value;
      if (value) {
        params.set(name, new Date(value).toISOString());
      }
    });
    const text = params.toString();
    return '/api/audit/reads' + (text ? '?' + text : '');
  }

  function cell(tr, text, className) {
    const td = document.createElement('td');
    td.textContent = text === undefined || text === null ? '' : text;
    if (className) {
      td.className = className;
    }
    tr.appendChild(td);
    return td;
  }

  function link(kind, id) {
    if (kind === 'CASE') {
      return '/ui/cases/' + encodeURIComponent(id);
    }
    return kind === 'COMPLAINT' ? '/ui/complaints/' + encodeURIComponent(id) : null;
  }

  async function show() {
    cw.clearProblems(problem);
    const response = await cw.request('GET', query());
    const answer = await cw.answerOf(response);
    rows.textContent = '';
    if (!response.ok) {
      count.hidden = true;
      cw.showProblem(problem, Object.assign({status: response.status}, answer));
      return;
    }
    answer.forEach(entry => {
      const tr = document.createElement('tr');
      tr.className = 'audit-row';
      tr.dataset.kind = entry.kind;
      tr.dataset.id = entry.id;
      tr.dataset.username = entry.username;
      cell(tr, new Date(entry.at).toLocaleString(cw.lang === 'en' ? 'en-GB' : 'vi-VN'));
      cell(tr, entry.username);
      cell(tr, kinds[entry.kind] || entry.kind);
      const id = cell(tr, '');
      const href = link(entry.kind, entry.id);
      if (href) {
        const a = document.createElement('a');
        a.href = href;
        a.textContent = entry.id;
        id.appendChild(a);
      } else {
        id.textContent = entry.id;
      }
      cell(tr, entry.what);
      rows.appendChild(tr);
    });
    count.textContent = count.dataset.template.replace('{count}', answer.length);
    count.hidden = false;
  }

  async function csv() {
    cw.clearProblems(problem);
    const response = await cw.request('GET', query(), undefined, {accept: 'text/csv'});
    if (!response.ok) {
      cw.showProblem(problem, Object.assign({status: response.status}, await cw.answerOf(response)));
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'read-audit.csv';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    show();
  });
  document.getElementById('audit-csv').addEventListener('click', csv);
  show();
})();
