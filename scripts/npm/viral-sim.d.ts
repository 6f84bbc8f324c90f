// Types of viralsim/element: importing it registers <viral-sim> (once) and exports its class.

/** What `viralsim:ready`, `viralsim:step` and `viralsim:finished` carry in `detail`. */
export interface ViralSimDetail {
  /** Steps taken since the start (0 after a reset). */
  step: number;
  /** People reached so far (active + removed). */
  reach: number;
  /** People in each of the three states: not reached, active, removed (the legend's order). */
  counts: [number, number, number];
  /** People in the network. */
  nodes: number;
  /** Whether the run has ended (nothing more can happen). */
  finished: boolean;
}

/** What `viralsim:error` carries in `detail`. */
export interface ViralSimErrorDetail {
  /** The message shown inside the widget, in its language. */
  message: string;
  /** The attribute or scenario field at fault (e.g. `model.p`, `lang`), when known. */
  field: string | null;
  /** The core's error code (translatable form), when there is one. */
  code: string | null;
}

/** `element.state`. */
export interface ViralSimState extends ViralSimDetail {
  /** A simulation is built and drawn. */
  ready: boolean;
  playing: boolean;
  /** The message on show, or null. */
  error: string | null;
}

/** A scenario in the core's JSON shape (as `viralsim run --scenario` reads it). */
export interface Scenario {
  /** `karate`, `facebook`, `ba:n=300,m=2`, `ws:n=400,k=6,p=0.1`, … */
  network: string;
  /** `{kind: 'ic', p: 0.1}`, `{kind: 'sir', beta: 0.2, gamma: 0.3}`, … */
  model: { kind: string; [param: string]: unknown };
  /** `top-degree:3`, `random:2`, `nodes:0,5`, … */
  seeds: string;
  seed?: number;
  max_steps?: number;
  [key: string]: unknown;
}

export interface ViralSimEventMap extends HTMLElementEventMap {
  'viralsim:ready': CustomEvent<ViralSimDetail>;
  'viralsim:step': CustomEvent<ViralSimDetail>;
  'viralsim:finished': CustomEvent<ViralSimDetail>;
  'viralsim:error': CustomEvent<ViralSimErrorDetail>;
}

/**
 * `<viral-sim scenario="network=karate&model=ic&p=0.2&seeds=top-degree:2&seed=1"
 *             controls="play step reset speed p" autoplay loop lang="fr" height="360">`
 *
 * Attributes: `scenario` (the page's address form), `controls` (from `play step reset speed p`;
 * default `play step reset`), `autoplay`, `loop`, `lang` (`en` | `fr`), `height` (pixels or a CSS
 * length).
 */
export declare class ViralSimElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Plays the run (from the start again when it has ended). */
  play(): void;
  pause(): void;
  /** One step (pauses). */
  step(): void;
  /** Back to step 0: the same run again. */
  reset(): void;
  /** The scenario running (the core's JSON shape), or null. Set an address string (as the
   * attribute) or a scenario object. */
  get scenario(): Scenario | null;
  set scenario(value: string | Scenario | null);
  readonly state: ViralSimState;
  /** The simulation running (degrees through `nodeInfo(i)`, `seeds()`, `history()`, `metrics()`,
   * …), or null. Read it when needed and do not keep it: a rebuild or a disconnect frees it. */
  readonly simulation: {
    readonly n: number;
    readonly edgeCount: number;
    seeds(): number[];
    history(): Uint32Array;
    metrics(): Record<string, unknown>;
    nodeInfo(i: number): { id: number; label: string; degree: number; state: number; adopted_at: number | null; told_by: string | null; cause: string | null };
    stepCount(): number;
    reach(): number;
    isFinished(): boolean;
  } | null;

  addEventListener<K extends keyof ViralSimEventMap>(type: K, listener: (this: ViralSimElement, ev: ViralSimEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ViralSimEventMap>(type: K, listener: (this: ViralSimElement, ev: ViralSimEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'viral-sim': ViralSimElement;
  }
  interface HTMLElementEventMap {
    'viralsim:ready': CustomEvent<ViralSimDetail>;
    'viralsim:step': CustomEvent<ViralSimDetail>;
    'viralsim:finished': CustomEvent<ViralSimDetail>;
    'viralsim:error': CustomEvent<ViralSimErrorDetail>;
  }
}
