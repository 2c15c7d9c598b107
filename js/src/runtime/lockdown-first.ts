/**
 * Imported first by the runtime's entry, so the realm is closed before any other module evaluates: no
 * library (Tailwind, React, a component library) can keep a reference to an original the lockdown replaces.
 */
import { lockdown } from "./lockdown";

lockdown((what) => console.warn(`jupyter-componentgen: refused: ${what}`));
