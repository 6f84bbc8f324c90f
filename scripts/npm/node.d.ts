// Types of viralsim/node: the low-level module (initialised) plus readers of its memory.
import type { Simulation, InitOutput } from './pkg/viralsim_web.js';

export * from './pkg/viralsim_web.js';

/** The wasm instance's exports; `wasm.memory.buffer` holds what `statesPtr()` and the like point at. */
export declare const wasm: InitOutput;

/** People in each state (not reached, active, removed) at step 0 and after each step. */
export declare function counts(sim: Simulation): Array<[number, number, number]>;

/** Each person's state now (0 not reached, 1 active, 2 removed), as a copy. */
export declare function states(sim: Simulation): Uint8Array;

/** Each person's layout position now: x, y per node (a copy). */
export declare function positions(sim: Simulation): Float32Array;
