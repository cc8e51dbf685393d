/**
 * The styles every step shares: the column a step's content stands in, a group of controls under a
 * heading, the headings themselves, a row of actions, a card of figures and a list of findings. A
 * step keeps in its own makeStyles only what is its alone (Build's tables, Review's grid of boxes).
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useStepStyles = makeStyles({
  /** A step's content, top to bottom. */
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  /** Controls that belong together under one heading. */
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  /** Buttons side by side, wrapping in a narrow pane. */
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  /** The file input behind an "Open…" button. */
  hiddenInput: { display: "none" },
  /** A box shrinks to its column instead of keeping the native control's intrinsic width. */
  control: {
    minWidth: 0,
    width: "100%",
    "& > input, & > select": { minWidth: 0, width: "100%" },
  },
  /** Figures on a tinted card. */
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  /** One figure of a list of figures (a term and its value) on its own tinted box. */
  figure: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  /** A list without bullets, one item under another. */
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  /** An item of such a list, ruled off from the next. */
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // A finding that cites its source's address breaks it rather than widen a narrow pane.
    overflowWrap: "anywhere",
  },
  /** A figure's label beside or above it. */
  term: { color: tokens.colorNeutralForeground2 },
});
