/**
 * The page's pixel geometry, in one place: the width below which the side panel becomes a
 * bottom sheet, the panel's size and insets, and the room the map's camera leaves for it.
 * Components put these into their styles (`@media ${NARROW}`) and jb-map into its camera.
 */
import { unsafeCSS } from 'lit';

/** Widest viewport (CSS px) laid out as a phone: the panel is a bottom sheet. */
export const NARROW_MAX_PX = 700;
/** The phone media query, for a component's styles: `@media ${NARROW} { … }`. */
export const NARROW = unsafeCSS(`(max-width: ${NARROW_MAX_PX}px)`);

/** The side panel on a wide screen (px): its width and its inset from the map's edges. */
export const PANEL = { width: 360, inset: 12, bottom: 36 } as const;
/** The bottom sheet on a phone: its height, folded and expanded (vh). */
export const SHEET = { vh: 40, expandedVh: 78 } as const;

/** Phone camera inset (px) on the left, so a label centred near the district's edge stays on screen. */
const PHONE_LABEL_ROOM = 40;

/**
 * Room for the side panel (wide) or bottom sheet (phone) around the district, so the camera
 * does not frame anything under it. `width` and `height` are the map's own size (px).
 */
export function cameraPadding(width: number, height: number): { left: number; right: number; top: number; bottom: number } {
  return width > NARROW_MAX_PX
    ? { left: PANEL.inset + PANEL.width + 18, right: 60, top: 30, bottom: 30 }
    : // Phone: room for a zone's name at the district's tips (a 375 px screen put Nanqiaosi's half
      // off the left edge) and for the map's buttons down the right.
      { left: PHONE_LABEL_ROOM, right: PHONE_LABEL_ROOM + 20, top: 70, bottom: Math.round(height * ((SHEET.vh + 2) / 100)) };
}

/**
 * The report's map picture: CSS px as wide as the printed page's text block (A4 less 2 × 10 mm
 * ≈ 720 px at 96 px/in), the district's shape (about 2.3 : 1 with a margin), drawn at twice the
 * pixels for print.
 */
export const REPORT_MAP = { width: 720, height: 310, pixelRatio: 2 } as const;

/**
 * A chapter's picture in the tour's handout: printed 100 mm wide (~380 CSS px), drawn 480 px
 * across (labels print at about four-fifths of their screen size) at twice the pixels, the
 * presenter screen's 16 : 9.
 */
export const HANDOUT_MAP = { width: 480, height: 270, pixelRatio: 2 } as const;
