/** The charts' heights, known before their code arrives: ChartSlot reserves them, Charts draws to them. */

/** Height of one bar's row, in CSS pixels. */
export const BAR_ROW = 24;
/** Height of a spend chart with its axis labels and legend, in CSS pixels. */
export const SPEND_CHART_HEIGHT = 212;
