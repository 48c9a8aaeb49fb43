// The privacy center's only script (progressive enhancement; the form works without it): shows the detail fields of
// the chosen request type and hides the others, so a keyboard or screen-reader user only meets what applies. The
// fields of each type live in a fieldset `data-for="<type>"`; hidden fieldsets are disabled, so they are skipped and
// not required. The objection purpose list only shows for an objection to a legitimate interest.
const form = document.querySelector<HTMLFormElement>('form[data-request-form]');
if (form) {
  const update = () => {
    const type = (form.querySelector<HTMLInputElement>('input[name="type"]:checked') ?? undefined)?.value;
    for (const set of form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-for]')) {
      const show = set.dataset.for === type;
      set.hidden = !show;
      set.disabled = !show;
    }
    const kind = form.querySelector<HTMLInputElement>('input[name="objectionKind"]:checked')?.value;
    for (const el of form.querySelectorAll<HTMLElement>('[data-when-kind]')) {
      const show = el.dataset.whenKind === kind;
      el.hidden = !show;
      for (const field of el.querySelectorAll<HTMLSelectElement | HTMLTextAreaElement>('select, textarea'))
        field.disabled = !show;
    }
  };
  form.addEventListener('change', update);
  update();
}

// A request being handled (verified, in progress) finishes by itself in moments: the status page looks again every few
// seconds for up to two minutes and reloads once the state changed, so the person need not press anything.
const working = document.querySelector<HTMLElement>('[data-state][data-refresh]');
if (working) {
  const state = working.dataset.state;
  let tries = 0;
  const look = () => {
    tries++;
    fetch(window.location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then((response) => (response.ok ? response.text() : ''))
      .then((page) => {
        const now = /data-state="([a-z-]+)"/.exec(page)?.[1];
        if (now && now !== state) window.location.reload();
        else if (tries < 40) window.setTimeout(look, 3000);
      })
      .catch(() => undefined);
  };
  window.setTimeout(look, 3000);
}
