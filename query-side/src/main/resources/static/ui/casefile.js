// The case file on the case page (API.md "The case file"): draft the document of a step the case has reached, upload
// evidence (chosen with the file input, or dropped on the drop zone) and a document's signed copy, and download what
// needs an Accept header (a document as DOCX, the whole file as one PDF). The region is replaced whenever the case
// changes, so every listener is on the document. Uploads go one file a request, streamed by the browser from disk.
(function () {
  'use strict';
  const cw = window.casework;

  function inCaseFile(element) {
    return element && element.closest ? element.closest('#case-file-region') : null;
  }

  function text(name) {
    const template = document.getElementById('case-file-texts');
    const element = template ? template.content.querySelector('[data-text="' + name + '"]') : null;
    return element ? element.textContent : name;
  }

  function busy(form, on) {
    form.querySelectorAll('button').forEach(button => button.disabled = on);
    const state = form.querySelector('.upload-state');
    if (state) {
      state.hidden = !on;
    }
  }

  function failed(form, response, answer) {
    // the form keeps its problem in view: the live region is not swapped under it
    form.dataset.dirty = 'true';
    cw.showProblem(form, Object.assign({status: response.status}, answer));
  }

  async function issue(form, kind) {
    cw.clearProblems(form);
    const body = {kind: kind};
    const issuedOn = form.querySelector('[name=issuedOn]');
    if (issuedOn && issuedOn.value) {
      body.issuedOn = issuedOn.value;
    }
    busy(form, true);
    try {
      const response = await cw.request('POST', form.dataset.issue, body);
      const answer = await cw.answerOf(response);
      if (!response.ok) {
        failed(form, response, answer);
        return;
      }
      form.dataset.dirty = 'false';
      cw.refreshLive(answer.version);
    } catch (e) {
      cw.showProblem(form, {detail: String(e)});
    } finally {
      busy(form, false);
    }
  }

  async function upload(form, files) {
    cw.clearProblems(form);
    if (!files.length) {
      cw.showProblem(form, {detail: text('noFile')});
      return;
    }
    busy(form, true);
    let version;
    let ok = true;
    try {
      for (const file of files) {
        const data = new FormData();
        data.append('file', file, file.name);
        const description = form.querySelector('[name=description]');
        if (description && description.value.trim()) {
          data.append('description', description.value.trim());
        }
        const response = await cw.request('POST', form.dataset.upload, data);
        const answer = await cw.answerOf(response);
        if (!response.ok) {
          ok = false;
          failed(form, response, answer);
          break;
        }
        version = answer.version;
      }
      if (ok) {
        form.reset();
        form.dataset.dirty = 'false';
      }
    } catch (e) {
      cw.showProblem(form, {detail: String(e)});
    } finally {
      busy(form, false);
      if (ok && version !== undefined) {
        cw.refreshLive(version);
      }
    }
  }

  function filename(response, fallback) {
    const disposition = response.headers.get('Content-Disposition') || '';
    const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    if (utf8) {
      return decodeURIComponent(utf8[1]);
    }
    const plain = /filename="([^"]+)"/i.exec(disposition);
    return plain ? plain[1] : fallback;
  }

  // a download that needs an Accept header: fetched, then handed to the browser as a file
  async function download(button) {
    const banner = document.getElementById('case-file-problem');
    if (banner) {
      cw.clearProblems(banner);
    }
    button.disabled = true;
    try {
      const response = await cw.request('GET', button.dataset.href, undefined, {accept: button.dataset.accept});
      if (!response.ok) {
        const answer = await cw.answerOf(response);
        if (banner) {
          cw.showProblem(banner, Object.assign({status: response.status}, answer));
        }
        button.dataset.downloaded = String(response.status);
        return;
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename(response, button.dataset.filename || 'tai-lieu');
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      // what was received, for whoever checks the page (the browser tests)
      button.dataset.downloaded = response.status + ' ' + (response.headers.get('Content-Type') || '') + ' ' + blob.size;
    } catch (e) {
      if (banner) {
        cw.showProblem(banner, {detail: String(e)});
      }
    } finally {
      button.disabled = false;
    }
  }

  document.addEventListener('submit', event => {
    const form = event.target;
    if (!inCaseFile(form)) {
      return;
    }
    if (form.dataset.issue) {
      event.preventDefault();
      const kind = event.submitter ? event.submitter.value : null;
      if (kind) {
        issue(form, kind);
      }
    } else if (form.dataset.upload) {
      event.preventDefault();
      const input = form.querySelector('input[type=file]');
      upload(form, input ? Array.from(input.files) : []);
    }
  });

  document.addEventListener('click', event => {
    const button = event.target.closest ? event.target.closest('button[data-href][data-accept]') : null;
    if (button && inCaseFile(button)) {
      event.preventDefault();
      download(button);
    }
  });

  // a file chosen or a description typed: the region is not replaced under the person's hands
  ['input', 'change'].forEach(type => document.addEventListener(type, event => {
    const form = inCaseFile(event.target) ? event.target.closest('form') : null;
    if (form) {
      form.dataset.dirty = 'true';
    }
  }));

  // drag and drop: files dropped on the zone are uploaded at once; dropped anywhere else on the page they are
  // ignored rather than opened by the browser in place of the page
  function zoneOf(event) {
    return event.target.closest ? event.target.closest('.dropzone') : null;
  }

  document.addEventListener('dragover', event => {
    if (!document.getElementById('case-file-region')) {
      return;
    }
    event.preventDefault();
    const zone = zoneOf(event);
    event.dataTransfer.dropEffect = zone ? 'copy' : 'none';
    if (zone) {
      zone.classList.add('over');
    }
  });
  document.addEventListener('dragleave', event => {
    const zone = zoneOf(event);
    if (zone) {
      zone.classList.remove('over');
    }
  });
  document.addEventListener('drop', event => {
    if (!document.getElementById('case-file-region')) {
      return;
    }
    event.preventDefault();
    const zone = zoneOf(event);
    if (!zone) {
      return;
    }
    zone.classList.remove('over');
    const form = zone.closest('form');
    if (form && event.dataTransfer && event.dataTransfer.files.length) {
      upload(form, Array.from(event.dataTransfer.files));
    }
  });
})();
