// SPDX-License-Identifier: MIT

/**
 * An element's custom states (`:state(open)`), through its own `ElementInternals`. Where the browser has none
 * (Firefox before 126) the styling hook is missing and nothing fails.
 *
 * @example
 * readonly #states = new CustomStates(this);
 * updated() { this.#states.toggle('queued', this.view === 'queued'); }
 */
export class CustomStates {
  readonly #states: CustomStateSet | undefined;

  constructor(element: HTMLElement) {
    try {
      this.#states = element.attachInternals().states;
    } catch {
      this.#states = undefined;
    }
  }

  /** Adds `name` when `on`, else removes it. */
  toggle(name: string, on: boolean): void {
    try {
      if (on) this.#states?.add(name);
      else this.#states?.delete(name);
    } catch {
      // An older engine that knows the set but not custom state names: only the styling hook is missing.
    }
  }
}
