// One colour per node state, used by the network view, the legend and the chart.
export const STATE_COLORS = ['#9aa5b1', '#e4572e', '#2e86ab'];
export const TRANSMISSION_COLOR = '#f5b700';
export const EDGE_COLOR = 'rgba(80, 90, 110, 0.18)';
export const SEED_RING = '#111827';
