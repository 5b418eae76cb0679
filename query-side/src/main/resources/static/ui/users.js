// Users' administration (ADMIN) over the users API: GET /api/users lists them; creating, editing (roles, committee,
// enabled) and resetting a password go through casework.js's forms (POST, PATCH, CSRF header included).
(function () {
  'use strict';
  const cw = window.casework;
  const rows = document.getElementById('user-rows');
  const template = document.getElementById('user-row');
  const problem = document.getElementById('users-problem');
  const loading = document.getElementById('users-loading');
  const edit = document.getElementById('form-user-edit');
  const reset = document.getElementById('form-user-password');
  const done = document.getElementById('users-done');
  const committees = {};
  document.querySelectorAll('#new-committee option').forEach(o => committees[o.value] = o.textContent);
  const roleNames = {};
  document.querySelectorAll('#form-user-create input[name=roles]').forEach(input => {
    roleNames[input.value] = input.parentElement.textContent.trim();
  });
  const users = {};

  function when(instant) {
    return new Date(instant).toLocaleString(cw.lang === 'en' ? 'en-GB' : 'vi-VN');
  }

  function show(element, visible) {
    element.hidden = !visible;
  }

  function row(user) {
    const tr = template.content.firstElementChild.cloneNode(true);
    tr.dataset.username = user.username;
    const field = name => tr.querySelector('[data-field="' + name + '"]');
    field('username').textContent = user.username;
    field('fullName').textContent = user.fullName;
    field('roles').textContent = (user.roles || []).map(r => roleNames[r] || r).join(', ');
    field('roles').dataset.roles = (user.roles || []).join(',');
    field('committee').textContent = committees[user.committeeId] || user.committeeId;
    field('committee').title = user.committeeId;
    const enabled = field('enabled');
    enabled.textContent = user.enabled ? enabled.dataset.yes : enabled.dataset.no;
    enabled.classList.add(user.enabled ? 'ACCEPTED' : 'DISMISSED');
    enabled.dataset.enabled = String(user.enabled);
    show(field('mustChange'), !!user.mustChangePassword);
    const last = field('lastSignIn');
    last.textContent = user.lastSignInAt ? when(user.lastSignInAt) : last.dataset.never;
    const toggle = tr.querySelector('[data-act=toggle]');
    toggle.textContent = user.enabled ? toggle.dataset.disable : toggle.dataset.enable;
    return tr;
  }

  async function load() {
    show(loading, true);
    cw.clearProblems(problem);
    const response = await cw.request('GET', '/api/users');
    const answer = await cw.answerOf(response);
    show(loading, false);
    if (!response.ok) {
      cw.showProblem(problem, Object.assign({status: response.status}, answer));
      return;
    }
    rows.textContent = '';
    answer.forEach(user => {
      users[user.username] = user;
      rows.appendChild(row(user));
    });
  }

  function choose(form, user) {
    cw.clearProblems(form);
    form.reset();
    form.querySelectorAll('[data-field=username]').forEach(e => e.textContent = user.username);
    form.querySelector('input[name=username]').value = user.username;
    if (form === edit) {
      form.elements.fullName.value = user.fullName;
      form.elements.committeeId.value = user.committeeId;
      form.elements.memberId.value = user.memberId || '';
      form.elements.enabled.checked = user.enabled;
      form.querySelectorAll('input[name=roles]').forEach(input => input.checked = (user.roles || []).includes(input.value));
    }
    show(edit, form === edit);
    show(reset, form === reset);
    show(done, false);
    form.scrollIntoView({block: 'nearest'});
  }

  rows.addEventListener('click', async event => {
    const button = event.target.closest('button[data-act]');
    if (!button) {
      return;
    }
    const user = users[button.closest('tr').dataset.username];
    if (button.dataset.act === 'edit') {
      choose(edit, user);
    } else if (button.dataset.act === 'password') {
      choose(reset, user);
    } else if (button.dataset.act === 'toggle') {
      button.disabled = true;
      const response = await cw.request('PATCH', '/api/users/' + encodeURIComponent(user.username), {enabled: !user.enabled});
      const answer = await cw.answerOf(response);
      button.disabled = false;
      if (!response.ok) {
        cw.showProblem(problem, Object.assign({status: response.status}, answer));
        return;
      }
      load();
    }
  });

  document.querySelectorAll('form [data-act=cancel]').forEach(button => button.addEventListener('click', () => {
    show(button.closest('form'), false);
  }));

  document.addEventListener('casework:done', event => {
    const form = event.target;
    if (form === edit || form === reset) {
      show(form, false);
    }
    form.reset();
    show(done, true);
    load();
  });

  load();
})();
