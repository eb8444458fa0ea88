/** Ranked results kept per query: more than anyone scrolls through, few enough to send quickly. */
export const RESULT_LIMIT_DEFAULT = 500;
