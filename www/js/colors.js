// One colour per node state, used by the network view, the legend and the chart.
// Each at least 3:1 against white (WCAG's figure for graphics): 3.1, 3.7 and 7.1; the
// transmissions 3.6. The three states also differ without colour: "just adopted" is a diamond
// (STATE_SHAPES) and "adopted" is twice as dark as the others.
export const STATE_COLORS = ['#8a94a0', '#e4572e', '#1d5f7a'];
export const STATE_SHAPES = ['circle', 'diamond', 'circle'];
export const TRANSMISSION_COLOR = '#b07d00';
export const EDGE_COLOR = 'rgba(80, 90, 110, 0.18)';
export const SEED_RING = '#111827';
