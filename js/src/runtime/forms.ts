/**
 * Form submission inside the frame. The frame is sandboxed without `allow-forms`, so the browser refuses
 * every submission before it fires the `submit` event, and a component's `<form onSubmit>` never runs, the
 * most common way models write forms. The runtime fires that event itself, after the browser's own
 * validation, and cancels the native submission, which could only be refused (nothing leaves the frame).
 * It listens last (the window, bubbling), so a component that cancels the click or the Enter key keeps
 * the form from submitting, as in a page.
 */

type Submitter = HTMLButtonElement | HTMLInputElement;

/** A button that submits its form, or null. */
function submitterOf(target: EventTarget | null): Submitter | null {
  if (!(target instanceof Element)) return null;
  const control = target.closest("button, input");
  if (control instanceof HTMLButtonElement) return control.type === "submit" ? control : null;
  if (control instanceof HTMLInputElement)
    return control.type === "submit" || control.type === "image" ? control : null;
  return null;
}

/** Fire `submit` at `form` as the browser would: after validation, cancelable, with its submitter. */
export function submitForm(form: HTMLFormElement, submitter: Submitter | null): void {
  const skipValidation = form.noValidate || (submitter?.formNoValidate ?? false);
  if (!skipValidation && !form.reportValidity()) return;
  const init = { bubbles: true, cancelable: true, submitter };
  const event =
    typeof SubmitEvent === "function" ? new SubmitEvent("submit", init) : new Event("submit", init);
  form.dispatchEvent(event);
}

// Inputs whose Enter key submits their form ("implicit submission").
const TEXT_LIKE = new Set([
  "text",
  "search",
  "url",
  "tel",
  "email",
  "password",
  "date",
  "month",
  "week",
  "time",
  "datetime-local",
  "number",
]);

/** Make `<form onSubmit>` work in the sandboxed frame (call before any component runs). */
export function installFormSubmit(): void {
  window.addEventListener("click", (event) => {
    const submitter = submitterOf(event.target);
    const form = submitter?.form;
    if (!submitter || !form || submitter.disabled || event.defaultPrevented) return;
    event.preventDefault();
    submitForm(form, submitter);
  });
  window.addEventListener("keydown", (event) => {
    const input = event.target;
    if (event.key !== "Enter" || event.isComposing || event.defaultPrevented) return;
    if (!(input instanceof HTMLInputElement) || !TEXT_LIKE.has(input.type) || !input.form) return;
    const form = input.form;
    event.preventDefault();
    const button = Array.from(form.elements).find((element) => submitterOf(element) !== null);
    if (button) {
      if (!(button as Submitter).disabled) (button as Submitter).click();
      return;
    }
    const fields = Array.from(form.elements).filter(
      (element) => element instanceof HTMLInputElement && TEXT_LIKE.has(element.type),
    );
    if (fields.length === 1) submitForm(form, null);
  });
  // requestSubmit() is refused the same way; submit() never fires the event anyway.
  HTMLFormElement.prototype.requestSubmit = function requestSubmit(
    this: HTMLFormElement,
    submitter?: HTMLElement | null,
  ) {
    submitForm(this, submitter ? submitterOf(submitter) : null);
  };
}
