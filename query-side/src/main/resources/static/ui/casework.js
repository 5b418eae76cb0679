// Forms post JSON to the API, show a refusal's explanation and each field's problem beside the field, and keep
// what was typed. Pages listen to server-sent events and refresh the part that changed, without a reload.
// Every call that changes something carries the session's CSRF token (from the head's meta tags) in its header,
// the page's own fetches through request() and htmx's through its configRequest event.
(function () {
  'use strict';
  const lang = document.documentElement.lang || 'vi';
  window.caseworkLoadedAt = Date.now();

  function meta(name) {
    const element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.content : null;
  }

  const csrf = {header: meta('_csrf_header') || 'X-CSRF-TOKEN', token: meta('_csrf')};

  function safe(method) {
    return ['GET', 'HEAD', 'OPTIONS'].includes((method || 'GET').toUpperCase());
  }

  // the one way the pages call the API: JSON in and out, the page's language, the CSRF header on every change;
  // a FormData body (an upload) goes as multipart, streamed by the browser from the file
  async function request(method, url, body, options) {
    const opts = options || {};
    const headers = Object.assign({'Accept': opts.accept || 'application/json', 'Accept-Language': lang}, opts.headers || {});
    const multipart = body instanceof FormData;
    if (body !== undefined && !multipart) {
      headers['Content-Type'] = 'application/json';
    }
    if (!safe(method)) {
      if (csrf.token) {
        headers[csrf.header] = csrf.token;
      }
      if (method.toUpperCase() === 'POST' && !headers['Idempotency-Key']) {
        headers['Idempotency-Key'] = Date.now() + '-' + Math.random();
      }
    }
    return fetch(url, {
      method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined || multipart ? body : JSON.stringify(body)
    });
  }

  // the answer's JSON, or for an answer that is not JSON (a 404 of an endpoint not yet deployed) a problem of our own
  async function answerOf(response) {
    const text = await response.text();
    const type = response.headers.get('Content-Type') || '';
    if (text && type.includes('json')) {
      try {
        return JSON.parse(text);
      } catch (e) {
        // fall through
      }
    }
    return response.ok ? {} : {status: response.status, title: response.statusText || ('HTTP ' + response.status)};
  }

  if (window.htmx) {
    document.addEventListener('htmx:configRequest', event => {
      if (!safe(event.detail.verb) && csrf.token) {
        event.detail.headers[csrf.header] = csrf.token;
      }
    });
  }

  function setPath(target, path, value) {
    const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
    let node = target;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(parts[i + 1]);
      if (last) {
        node[part] = value;
      } else {
        if (node[part] === undefined) {
          node[part] = nextIsIndex ? [] : {};
        }
        node = node[part];
      }
    });
  }

  function valueOf(input) {
    if (input.type === 'checkbox' && input.dataset.multi !== undefined) {
      return input.checked ? input.value : undefined;
    }
    if (input.type === 'checkbox') {
      return input.checked;
    }
    if (input.tagName === 'SELECT' && input.multiple) {
      return Array.from(input.selectedOptions).map(o => o.value);
    }
    const raw = input.value.trim();
    if (raw === '') {
      return undefined;
    }
    switch (input.dataset.type) {
      case 'number': return Number(raw);
      case 'list': return raw.split(',').map(v => v.trim()).filter(v => v !== '');
      default: return raw;
    }
  }

  function formJson(form) {
    const body = {};
    form.querySelectorAll('input[name], select[name], textarea[name]').forEach(input => {
      if (input.disabled || input.dataset.skip === 'true') {
        return;
      }
      if (input.dataset.multi !== undefined) {
        // checkboxes sharing a name, each with its value: a list of the ticked ones, empty when none is
        body[input.name] = body[input.name] || [];
        if (input.checked) {
          body[input.name].push(input.value);
        }
        return;
      }
      const value = valueOf(input);
      if (value !== undefined && !(Array.isArray(value) && value.length === 0 && input.dataset.keepEmpty !== 'true')) {
        setPath(body, input.name, value);
      }
    });
    return body;
  }

  function sameAs(current, fresh) {
    const shown = current.cloneNode(true);
    shown.querySelectorAll('form[data-api]').forEach(form => {
      delete form.dataset.key;
      delete form.dataset.dirty;
    });
    return shown.isEqualNode(fresh);
  }

  // replaces a live region with a fresh copy from the server; the region is looked up again when the copy
  // arrives, so overlapping refreshes never write into a detached element
  async function refresh(element, url) {
    const id = element.id;
    const response = await request('GET', url, undefined, {accept: 'text/html'});
    if (!response.ok) {
      return;
    }
    const template = document.createElement('template');
    template.innerHTML = (await response.text()).trim();
    const fresh = template.content.firstElementChild;
    const current = id ? document.getElementById(id) : element;
    // a copy equal to what is shown is not swapped in: the page's own answer and the server's event about the same
    // change both refresh, and a form someone just reached must stay the element they are in
    if (fresh && current && !current.querySelector('form[data-dirty="true"]') && !sameAs(current, fresh)) {
      current.replaceWith(fresh);
      if (window.htmx) {
        htmx.process(fresh);
      }
      fresh.querySelectorAll('form[data-api]').forEach(form => form.dataset.key = Date.now() + '-' + Math.random());
    }
  }

  // the page's own change: refresh every live region once the read model holds the answered version
  function refreshLive(version) {
    document.querySelectorAll('[data-live-src]').forEach(element => {
      const src = element.dataset.liveSrc;
      const wait = version === undefined ? '' : (src.includes('?') ? '&' : '?') + 'minVersion=' + version;
      refresh(element, src + wait);
    });
  }

  function clearProblems(form) {
    form.querySelectorAll('.field-error').forEach(e => e.remove());
    form.querySelectorAll('.invalid').forEach(e => e.classList.remove('invalid'));
    const banner = form.classList.contains('problem') ? form : form.querySelector('.problem');
    if (banner) {
      banner.hidden = true;
      banner.textContent = '';
    }
  }

  function fieldFor(form, field) {
    if (!field) {
      return null;
    }
    const candidates = [field, field.replace(/\[\d+\]$/, ''), field.replace(/\[\d+\]/g, '')];
    for (const name of candidates) {
      const input = form.querySelector('[name="' + CSS.escape(name) + '"]');
      if (input) {
        return input;
      }
    }
    return null;
  }

  // form: a form with its .problem banner, or the banner itself
  function showProblem(form, problem) {
    const banner = form.classList.contains('problem') ? form : form.querySelector('.problem');
    const lines = [problem.detail || problem.title || problem.error || ('HTTP ' + problem.status)];
    if (problem.status === 404 && !problem.detail) {
      lines[0] = (lang === 'en' ? 'Not available on this server (HTTP 404): ' : 'Máy chủ chưa có chức năng này (HTTP 404): ')
          + (problem.path || problem.instance || '');
    }
    if (problem.rule) {
      const label = lang === 'en' ? 'Rule' : 'Quy định';
      const book = lang === 'en' ? 'rulebook' : 'phiên bản quy định';
      lines.push(label + ' ' + problem.rule + ' — ' + (problem.ruleSource || '') + ' — ' + book + ' ' + (problem.rulebookVersion || ''));
    }
    if (banner) {
      banner.textContent = '';
      lines.forEach(line => {
        const p = document.createElement('p');
        p.textContent = line;
        banner.appendChild(p);
      });
      banner.dataset.rule = problem.rule || '';
      banner.dataset.status = problem.status || '';
      banner.hidden = false;
    }
    (problem.errors || []).forEach(error => {
      const input = fieldFor(form, error.field);
      if (input) {
        input.classList.add('invalid');
        const note = document.createElement('span');
        note.className = 'field-error';
        note.dataset.field = error.field;
        note.textContent = error.message;
        input.insertAdjacentElement('afterend', note);
      }
    });
  }

  // fields that must repeat another (a new password typed twice) are checked before anything is sent
  function mismatches(form) {
    const errors = [];
    form.querySelectorAll('[data-same-as]').forEach(input => {
      const other = form.querySelector('[name="' + CSS.escape(input.dataset.sameAs) + '"]');
      if (other && other.value !== input.value) {
        errors.push({field: input.name, message: input.dataset.mismatch || '≠'});
      }
    });
    return errors;
  }

  // "/api/users/{username}" takes the form's field of that name
  function target(form) {
    return form.dataset.api.replace(/\{(\w+)\}/g, (m, key) => {
      const input = form.querySelector('[name="' + CSS.escape(key) + '"]');
      return encodeURIComponent(input ? input.value.trim() : '');
    });
  }

  async function submit(event) {
    const form = event.target.closest('form[data-api]');
    if (!form) {
      return;
    }
    event.preventDefault();
    clearProblems(form);
    const wrong = mismatches(form);
    if (wrong.length) {
      showProblem(form, {detail: wrong[0].message, errors: wrong});
      return;
    }
    const button = form.querySelector('button[type=submit]');
    if (button) {
      button.disabled = true;
    }
    try {
      const method = form.dataset.method || 'POST';
      const response = await request(method, target(form), formJson(form), {
        headers: method === 'POST' ? {'Idempotency-Key': form.dataset.key || (Date.now() + '-' + Math.random())} : {}
      });
      const answer = await answerOf(response);
      if (!response.ok) {
        showProblem(form, Object.assign({status: response.status}, answer));
        return;
      }
      form.dataset.key = Date.now() + '-' + Math.random();
      form.dataset.dirty = 'false';
      form.dispatchEvent(new CustomEvent('casework:done', {bubbles: true, detail: answer}));
      if (form.dataset.stay === 'true') {
        return;
      }
      const then = form.dataset.then;
      if (then) {
        const target = then.replace(/\{(\w+)\}/g, (m, key) => encodeURIComponent(answer[key] || ''));
        window.location.assign(target);
      } else {
        form.reset();
        refreshLive(answer.version);
      }
    } catch (e) {
      showProblem(form, {detail: String(e)});
    } finally {
      if (button) {
        button.disabled = false;
      }
    }
  }

  document.addEventListener('submit', submit);
  document.addEventListener('input', event => {
    const form = event.target.closest('form[data-api]');
    if (form) {
      form.dataset.dirty = 'true';
    }
  });
  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('form[data-api]').forEach(form => {
      form.dataset.key = Date.now() + '-' + Math.random();
    });
  });

  // a committee picker's search box (a tree too large for every committee to be an option): what is typed fetches
  // the matching committees as the select's options, after the ones chosen (and a blank choice), which stay
  const searches = new WeakMap();
  async function searchCommittees(box) {
    const select = document.getElementById(box.dataset.pickerFor);
    const typed = box.value;
    const response = await request('GET', '/ui/committee-options?q=' + encodeURIComponent(typed), undefined,
      {accept: 'text/html'});
    if (!response.ok || !select || box.value !== typed) {
      return;
    }
    const found = document.createElement('template');
    found.innerHTML = await response.text();
    const kept = Array.from(select.options).filter(option => option.selected || option.value === '');
    const keptValues = new Set(kept.map(option => option.value));
    const fresh = Array.from(found.content.querySelectorAll('option')).filter(option => !keptValues.has(option.value));
    select.replaceChildren(...kept, ...fresh);
  }
  document.addEventListener('input', event => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.classList.contains('committee-search')) {
      return;
    }
    clearTimeout(searches.get(box));
    searches.set(box, setTimeout(() => searchCommittees(box), 250));
  });

  // what other pages' scripts use (users, read audit, identity requests)
  window.casework = {request: request, answerOf: answerOf, showProblem: showProblem, clearProblems: clearProblems,
    refreshLive: refreshLive, lang: lang};

  // live updates: elements with data-live-topic/data-live-id are re-fetched from data-live-src when it changes
  // (only on a page that has such regions: the sign-in page has none and may not listen yet)
  if (window.EventSource && document.querySelector('[data-live-topic]')) {
    const source = new EventSource('/ui/stream');
    source.addEventListener('change', message => {
      const change = JSON.parse(message.data);
      document.querySelectorAll('[data-live-topic]').forEach(element => {
        const topic = element.dataset.liveTopic;
        const id = element.dataset.liveId;
        // a form someone is filling in is never replaced under their hands
        const busy = element.querySelector('form[data-dirty="true"]');
        if (topic === change.topic && (!id || id === change.id) && !busy) {
          refresh(element, element.dataset.liveSrc);
        }
      });
    });
  }
})();
