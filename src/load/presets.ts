import { DEFAULTS } from "../config/defaults";
import type { FormatObject, PresetName } from "./schema";

// Page formats. Column width is a whole number of body characters (house practice: broadsheet
// 8 columns of 13 characters of 小五号 9 pt, tabloid 6 columns of 11), gutters one character.
// Left/right margins are minimums: the type area is centred in what the columns leave.

export const PRESETS: Record<PresetName, FormatObject> = {
  tabloid: {
    name: "tabloid",
    width: 275,
    height: 390,
    columns: 6,
    bodySize: 10,
    columnChars: 11,
    gutterChars: 1,
    lineHeight: 1.5,
    margins: { top: 24, right: 10, bottom: 14, left: 10 },
    bleed: DEFAULTS.bleedMm,
  },
  broadsheet: {
    name: "broadsheet",
    width: 390,
    height: 540,
    columns: 8,
    bodySize: 9,
    columnChars: 13,
    gutterChars: 1,
    lineHeight: 1.5,
    margins: { top: 30, right: 15, bottom: 18, left: 15 },
    bleed: DEFAULTS.bleedMm,
  },
};
