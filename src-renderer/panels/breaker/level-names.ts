/** How each breaker level is named on screen. */
export const LEVEL_NAMES = ['Normal', 'Level 1 (caution)', 'Level 2 (reduce)', 'Level 3 (stopped)'] as const;
