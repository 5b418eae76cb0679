// Requests to reveal a denouncer's identity (API.md "The denouncer's identity"): staff ask with a reason and, once
// approved, read it; custodians approve or deny what others asked, and erase. Any call the server does not offer
// (yet) shows its problem where its answer would have been; the rest of the page keeps working.
(function () {
  'use strict';
  const cw = window.casework;
  const page = document.getElementById('identity-page');
  const me = page.dataset.username;
  const texts = {};
  document.getElementById('identity-texts').content.querySelectorAll('[data-text]')
      .forEach(e => texts[e.dataset.text] = e.textContent);

  // a request as the API describes it, whatever a field's exact name turns out to be
  function pick(object, ...names) {
    for (const name of names) {
      if (object && object[name] !== undefined && object[name] !== null) {
        return object[name];
      }
    }
    return undefined;
  }

  function normal(request, complaintId) {
    return {
      requestId: pick(request, 'requestId', 'id'),
      complaintId: pick(request, 'complaintId') || complaintId,
      status: pick(request, 'status'),
      reason: pick(request, 'reason'),
      requestedBy: pick(request, 'requestedBy', 'requester', 'username'),
      requestedAt: pick(request, 'requestedAt', 'at', 'createdAt'),
      decisionReason: pick(request, 'decisionReason', 'decidedReason')
    };
  }

  function when(instant) {
    return instant ? new Date(instant).toLocaleString(cw.lang === 'en' ? 'en-GB' : 'vi-VN') : '';
  }

  function cell(tr, text) {
    const td = document.createElement('td');
    td.textContent = text === undefined || text === null ? '' : text;
    tr.appendChild(td);
    return td;
  }

  function complaintCell(tr, complaintId, linked) {
    const td = cell(tr, '');
    if (linked) {
      const a = document.createElement('a');
      a.href = '/ui/complaints/' + encodeURIComponent(complaintId);
      a.textContent = complaintId;
      td.appendChild(a);
    } else {
      td.textContent = complaintId;
    }
    return td;
  }

  function button(label, className) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    if (className) {
      b.className = className;
    }
    return b;
  }

  async function call(method, url, body) {
    const response = await cw.request(method, url, body);
    return {response: response, answer: await cw.answerOf(response)};
  }

  function problemOf(result) {
    return Object.assign({status: result.response.status}, result.answer);
  }

  // ---- staff: own requests, and the identity once approved
  const staff = document.getElementById('identity-staff');
  if (staff) {
    const rows = document.getElementById('mine-rows');
    const problem = document.getElementById('mine-problem');
    const known = new Map();

    const render = () => {
      rows.textContent = '';
      known.forEach(request => {
        const tr = document.createElement('tr');
        tr.className = 'identity-request';
        tr.dataset.requestId = request.requestId || '';
        tr.dataset.status = request.status || '';
        complaintCell(tr, request.complaintId, true);
        cell(tr, when(request.requestedAt));
        cell(tr, request.reason);
        const status = cell(tr, texts[request.status] || request.status || '');
        if (request.decisionReason) {
          status.title = texts.decisionReason + ': ' + request.decisionReason;
        }
        const actions = cell(tr, '');
        if (request.status === 'APPROVED') {
          const view = button(texts.view, 'secondary');
          view.dataset.act = 'view';
          view.addEventListener('click', () => reveal(request, tr));
          actions.appendChild(view);
        }
        rows.appendChild(tr);
      });
    };

    const remember = (list, complaintId) => {
      list.map(r => normal(r, complaintId))
          .filter(r => r.requestedBy === undefined || r.requestedBy === me)
          .forEach(r => known.set(r.requestId || (r.complaintId + r.requestedAt), r));
      render();
    };

    const reveal = async (request, tr) => {
      cw.clearProblems(problem);
      const result = await call('GET', '/api/complaints/' + encodeURIComponent(request.complaintId) + '/identity');
      if (!result.response.ok) {
        cw.showProblem(problem, problemOf(result));
        return;
      }
      const box = document.createElement('tr');
      box.className = 'identity-revealed';
      const td = document.createElement('td');
      td.colSpan = 5;
      ['name', 'address', 'phone'].forEach(field => {
        const p = document.createElement('p');
        const b = document.createElement('b');
        b.textContent = texts[field] + ': ';
        p.appendChild(b);
        const value = document.createElement('span');
        value.dataset.field = field;
        value.textContent = result.answer[field] || '';
        p.appendChild(value);
        td.appendChild(p);
      });
      box.appendChild(td);
      tr.after(box);
    };

    const loadMine = async () => {
      const result = await call('GET', '/api/identity-requests');
      if (!result.response.ok) {
        cw.showProblem(problem, problemOf(result));
        return;
      }
      remember(Array.isArray(result.answer) ? result.answer : [], undefined);
    };

    const loadComplaint = async complaintId => {
      const result = await call('GET', '/api/complaints/' + encodeURIComponent(complaintId) + '/identity-requests');
      if (result.response.ok && Array.isArray(result.answer)) {
        remember(result.answer, complaintId);
      }
    };

    document.getElementById('form-identity-request').addEventListener('casework:done', event => {
      const form = event.target;
      const complaintId = form.elements.complaintId.value.trim();
      if (event.detail && event.detail.requestId) {
        known.set(event.detail.requestId, {requestId: event.detail.requestId, complaintId: complaintId,
          status: 'PENDING', reason: form.elements.reason.value.trim(), requestedAt: new Date().toISOString()});
        render();
      }
      form.elements.reason.value = '';
      document.getElementById('request-sent').hidden = false;
      loadComplaint(complaintId);
    });

    loadMine();
    const given = document.getElementById('request-complaintId').value.trim();
    if (given) {
      loadComplaint(given);
    }
  }

  // ---- custodians: the queue of pending requests, and erasing
  const custodian = document.getElementById('identity-custodian');
  if (custodian) {
    const rows = document.getElementById('queue-rows');
    const problem = document.getElementById('queue-problem');
    const empty = document.getElementById('queue-empty');
    const done = document.getElementById('queue-done');

    const decide = async (request, verdict, reasonInput, buttons) => {
      cw.clearProblems(problem);
      done.hidden = true;
      buttons.forEach(b => b.disabled = true);
      const result = await call('POST', '/api/complaints/' + encodeURIComponent(request.complaintId)
          + '/identity-requests/' + encodeURIComponent(request.requestId) + '/' + verdict,
          {reason: reasonInput.value.trim()});
      buttons.forEach(b => b.disabled = false);
      if (!result.response.ok) {
        cw.showProblem(problem, problemOf(result));
        return;
      }
      done.hidden = false;
      loadQueue();
    };

    const loadQueue = async () => {
      const result = await call('GET', '/api/identity-requests?status=PENDING');
      rows.textContent = '';
      if (!result.response.ok) {
        empty.hidden = true;
        cw.showProblem(problem, problemOf(result));
        return;
      }
      const list = (Array.isArray(result.answer) ? result.answer : []).map(r => normal(r, undefined));
      empty.hidden = list.length > 0;
      list.forEach(request => {
        const tr = document.createElement('tr');
        tr.className = 'identity-pending';
        tr.dataset.requestId = request.requestId || '';
        tr.dataset.complaintId = request.complaintId || '';
        complaintCell(tr, request.complaintId, false);
        cell(tr, request.requestedBy);
        cell(tr, when(request.requestedAt));
        cell(tr, request.reason);
        const decision = cell(tr, '');
        const reason = document.createElement('input');
        reason.name = 'reason';
        reason.placeholder = texts.decisionReason;
        const approve = button(texts.approve);
        approve.dataset.act = 'approve';
        const deny = button(texts.deny, 'secondary');
        deny.dataset.act = 'deny';
        approve.addEventListener('click', () => decide(request, 'approve', reason, [approve, deny]));
        deny.addEventListener('click', () => decide(request, 'deny', reason, [approve, deny]));
        decision.append(reason, approve, deny);
        rows.appendChild(tr);
      });
    };

    document.getElementById('form-identity-erase').addEventListener('casework:done', event => {
      event.target.reset();
      document.getElementById('erase-done').hidden = false;
    });

    loadQueue();
  }
})();
